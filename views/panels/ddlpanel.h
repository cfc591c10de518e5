#pragma once

#include "ddl/sqltypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace mc {

class Document;
class SqlHighlighter;
struct Analysis;
struct DerivedSchema;

/// The live DDL dock: what Sequelize's sync() would send for the design being edited,
/// in the chosen dialect, syntax highlighted and copyable. It follows the document:
/// each edit schedules one regeneration after a short pause (typing does not
/// regenerate per key), and a large schema is generated on a worker thread from a
/// copy of the derived schema, so the GUI never waits for it; a result that an edit
/// overtook is dropped. A define error or a name the dialect rejects shows why
/// instead of SQL.
class DdlPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DdlPanel(Document *document, QWidget *parent = nullptr);
    ~DdlPanel() override;

    Dialect dialect() const { return m_dialect; }
    void setDialect(Dialect dialect);

    /// The script shown, empty when a message is shown instead.
    QString script() const { return m_script; }
    /// Why there is no script (define error, identifier errors), else empty.
    QString message() const;
    /// True while an edit's regeneration is pending or running.
    bool isPending() const;

    /// Schemas with more tables than this are generated off the GUI thread (default 500).
    void setBackgroundThreshold(int tables) { m_backgroundThreshold = tables; }
    /// The pause after an edit before regenerating (default 150 ms).
    void setDebounceInterval(int msec);

    QPlainTextEdit *editor() const { return m_editor; }

public Q_SLOTS:
    void copyToClipboard();

Q_SIGNALS:
    void dialectChanged(mc::Dialect dialect);
    /// The text now shows the design as it was at the last edit.
    void updated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleUpdate();
    void regenerate();
    struct Output;
    static Output generate(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect,
                           const QString &base);
    void showResult(const Output &output);
    void updatePaletteColours();

    Document *m_document;
    Dialect m_dialect = Dialect::SQLite;
    QString m_script;
    quint64 m_generation = 0; ///< bumped per request; older results are stale
    bool m_running = false;
    int m_backgroundThreshold = 500;

    QTimer *m_debounce = nullptr;
    QComboBox *m_dialectCombo = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_copyButton = nullptr;
    SqlHighlighter *m_highlighter = nullptr;
};

} // namespace mc
