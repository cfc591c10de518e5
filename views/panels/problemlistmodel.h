#pragma once

#include "io/diagnostic.h"
#include "problemresolver.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace mc {

class Document;

/// The rows of the problems panel: one per diagnostic, shown as severity and JSON
/// path, the message's first line, and the quick fixes on offer. It stores only
/// the diagnostics; ids and fixes are resolved against the document when a row is
/// shown or used, so thousands of lint rows cost one vector.
class ProblemListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LocationColumn, ProblemColumn, FixColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, ///< int(Diagnostic::Severity)
        PathRole,                        ///< the JSON path, empty for the whole document
        CycleRole,                       ///< true for an FK cycle
        MessageRole                      ///< the whole message
    };

    explicit ProblemListModel(Document *document, QObject *parent = nullptr);

    /// Replaces the rows unless they are the same as now (returns false then).
    /// \a resolvable: the paths name the document's items (false for a file that
    /// failed to load: its problems name nothing the document holds).
    bool setDiagnostics(const Diagnostics &diagnostics, bool resolvable);
    const Diagnostics &diagnostics() const { return m_rows; }
    bool isResolvable() const { return m_resolvable; }
    int cycleCount() const { return m_cycles; }
    int errorCount() const { return m_errors; }
    /// The row of a diagnostic with this path and message, -1 when none.
    int findRow(const QString &path, const QString &message) const;

    /// What the row names and how to fix it (empty when not resolvable).
    ResolvedProblem resolve(int row) const;
    bool applyFix(const QuickFix &fix) const { return m_resolver.apply(fix); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(int row, int column) const;

    ProblemResolver m_resolver;
    Diagnostics m_rows;
    QVector<int> m_cycleOrdinal; ///< per row: index into Analysis::cycles, -1
    bool m_resolvable = true;
    int m_cycles = 0;
    int m_errors = 0;
    QIcon m_icons[3];
};

} // namespace mc
