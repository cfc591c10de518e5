#pragma once

#include "io/diagnostic.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QModelIndex;
class QStandardItemModel;
class QTreeView;

namespace mc {

/// List of diagnostics (loader errors or schema checks): severity icon, JSON path and
/// the full, possibly multi-line, message. FK cycles get a banner and stand out.
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { PathColumn, MessageColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, ///< int(Diagnostic::Severity), on the PathColumn item
        PathRole,                        ///< the JSON path, empty for the whole document
        CycleRole                        ///< true for an FK cycle warning
    };

    explicit ProblemsPanel(QWidget *parent = nullptr);

    /// Replaces the list. \a caption says where the problems come from (shown above
    /// the list when not empty), e.g. that a file could not be loaded.
    void setDiagnostics(const Diagnostics &diagnostics, const QString &caption = QString());

    int count() const;
    int cycleCount() const { return m_cycles; }
    int errorCount() const { return m_errors; }
    QAbstractItemModel *model() const;
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    /// The user double-clicked a problem that names a JSON path.
    void pathActivated(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onDoubleClicked(const QModelIndex &index);
    void updateRowHeights();

    QLabel *m_captionLabel = nullptr;
    QLabel *m_cycleBanner = nullptr;
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    int m_cycles = 0;
    int m_errors = 0;
};

} // namespace mc
