#pragma once

#include "ddl/sqltypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;
class QPushButton;

namespace mc {

/// File > Export DDL: the statements Sequelize's sync() sends for the current schema,
/// per dialect, to read, copy or save as a script. When the schema cannot produce DDL
/// (a define error, names the dialect cannot take) it shows why instead, and Copy and
/// Save are disabled. It is handed the derived schema; it derives nothing itself.
class ExportDdlDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a projectName names the default file, `<project>-<dialect>.sql`.
    ExportDdlDialog(const DerivedSchema &derived, const Analysis &analysis,
                    const QString &projectName, QWidget *parent = nullptr);

    Dialect dialect() const { return m_dialect; }
    void setDialect(Dialect dialect);

    /// The script shown for the current dialect; empty when there is none.
    QString script() const { return m_script; }
    /// Text of the preview: the script, or why there is none.
    QString previewText() const;
    bool canExport() const { return !m_script.isEmpty(); }

    QString defaultFileName() const;

    /// Writes the script to \a path atomically (QSaveFile): on failure nothing at
    /// \a path changes, lastError() names the path and the OS error; returns false.
    bool saveToPath(const QString &path);
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void copyToClipboard();
    /// Asks for a file name, saves, and reports a failure in a message box.
    void save();

Q_SIGNALS:
    void dialectChanged(mc::Dialect dialect);

private:
    void regenerate();
    QString problemsText(const QStringList &errors) const;

    DerivedSchema m_derived;
    Analysis m_analysis;
    QString m_projectName;
    Dialect m_dialect = Dialect::SQLite;
    QString m_script;
    QString m_lastError;

    QComboBox *m_dialectCombo = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace mc
