#include "problemlistmodel.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QStyle>

namespace mc {

namespace {

QString firstLine(const QString &text)
{
    const int end = text.indexOf(QLatin1Char('\n'));
    return end < 0 ? text : text.left(end);
}

} // namespace

ProblemListModel::ProblemListModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent), m_resolver(document)
{
    QStyle *style = QApplication::style();
    m_icons[int(Diagnostic::Severity::Error)] = style->standardIcon(QStyle::SP_MessageBoxCritical);
    m_icons[int(Diagnostic::Severity::Warning)] = style->standardIcon(QStyle::SP_MessageBoxWarning);
    m_icons[int(Diagnostic::Severity::Info)] =
        style->standardIcon(QStyle::SP_MessageBoxInformation);
}

bool ProblemListModel::setDiagnostics(const Diagnostics &diagnostics, bool resolvable)
{
    // Most edits leave the problems as they were: keep the rows (and the selection).
    if (resolvable == m_resolvable && diagnostics == m_rows)
        return false;
    beginResetModel();
    m_rows = diagnostics;
    m_resolvable = resolvable;
    m_cycleOrdinal.resize(m_rows.size());
    m_cycles = 0;
    m_errors = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const bool cycle = ProblemResolver::isCycle(m_rows[i]);
        m_cycleOrdinal[i] = cycle ? m_cycles++ : -1;
        m_errors += m_rows[i].severity == Diagnostic::Severity::Error ? 1 : 0;
    }
    endResetModel();
    return true;
}

int ProblemListModel::findRow(const QString &path, const QString &message) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].path == path && m_rows[i].message == message)
            return i;
    }
    return -1;
}

ResolvedProblem ProblemListModel::resolve(int row) const
{
    if (!m_resolvable || row < 0 || row >= m_rows.size())
        return {};
    return m_resolver.resolve(m_rows[row], m_cycleOrdinal[row]);
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int ProblemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Diagnostic &d = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case Qt::ToolTipRole:
        return index.column() == LocationColumn ? severityName(d.severity) : d.message;
    case Qt::DecorationRole:
        return index.column() == LocationColumn ? m_icons[int(d.severity)] : QVariant();
    case Qt::FontRole:
        if (index.column() == LocationColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (m_cycleOrdinal[index.row()] >= 0 && index.column() == ProblemColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SeverityRole:
        return int(d.severity);
    case PathRole:
        return d.path;
    case CycleRole:
        return m_cycleOrdinal[index.row()] >= 0;
    case MessageRole:
        return d.message;
    default:
        return {};
    }
}

QVariant ProblemListModel::display(int row, int column) const
{
    const Diagnostic &d = m_rows[row];
    switch (column) {
    case LocationColumn:
        return d.path.isEmpty() ? tr("(document)") : d.path;
    case ProblemColumn:
        return firstLine(d.message);
    case FixColumn: {
        const QVector<QuickFix> fixes = resolve(row).fixes;
        if (fixes.size() == 1)
            return fixes.first().text;
        return fixes.isEmpty() ? QString() : tr("%1 quick fixes").arg(fixes.size());
    }
    default:
        return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LocationColumn:
        return tr("Location");
    case ProblemColumn:
        return tr("Problem");
    case FixColumn:
        return tr("Fix");
    default:
        return {};
    }
}

} // namespace mc
