#include "problemspanel.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace mc {

namespace {

// The checker words every cycle warning this way (rules/lint.cpp); nothing else
// marks a diagnostic as a cycle.
bool isCycle(const Diagnostic &d)
{
    return d.message.startsWith(QLatin1String("FK cycle"));
}

QStyle::StandardPixmap severityPixmap(Diagnostic::Severity s)
{
    switch (s) {
    case Diagnostic::Severity::Error:
        return QStyle::SP_MessageBoxCritical;
    case Diagnostic::Severity::Warning:
        return QStyle::SP_MessageBoxWarning;
    case Diagnostic::Severity::Info:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent), m_captionLabel(new QLabel(this)), m_cycleBanner(new QLabel(this)),
      m_view(new QTreeView(this)), m_model(new QStandardItemModel(this))
{
    m_captionLabel->setWordWrap(true);
    m_captionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_captionLabel->hide();
    m_cycleBanner->setWordWrap(true);
    m_cycleBanner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; "
                                                "border: 1px solid #e0c060; padding: 4px; "
                                                "font-weight: bold; }"));
    m_cycleBanner->hide();

    m_model->setHorizontalHeaderLabels({tr("Location"), tr("Problem")});
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    // Cycle warnings span several lines; rows must grow to show them whole.
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(PathColumn, 240);
    m_view->setIconSize(QSize(16, 16));
    connect(m_view, &QTreeView::doubleClicked, this, &ProblemsPanel::onDoubleClicked);
    m_view->viewport()->installEventFilter(this);
    connect(m_view->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == MessageColumn)
            updateRowHeights();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_captionLabel);
    layout->addWidget(m_cycleBanner);
    layout->addWidget(m_view, 1);
}

int ProblemsPanel::count() const
{
    return m_model->rowCount();
}

QAbstractItemModel *ProblemsPanel::model() const
{
    return m_model;
}

void ProblemsPanel::setDiagnostics(const Diagnostics &diagnostics, const QString &caption)
{
    m_model->removeRows(0, m_model->rowCount());
    m_cycles = 0;
    m_errors = 0;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const Diagnostic &d : diagnostics) {
        const bool cycle = isCycle(d);
        auto *where = new QStandardItem(style()->standardIcon(severityPixmap(d.severity)),
                                        d.path.isEmpty() ? tr("(document)") : d.path);
        where->setData(int(d.severity), SeverityRole);
        where->setData(d.path, PathRole);
        where->setData(cycle, CycleRole);
        where->setFont(mono);
        where->setToolTip(severityName(d.severity));
        auto *message = new QStandardItem(d.message);
        message->setToolTip(d.message);
        if (cycle) {
            QFont bold = message->font();
            bold.setBold(true);
            message->setFont(bold);
            for (QStandardItem *item : {where, message})
                item->setBackground(QColor(0xff, 0xf4, 0xce));
            ++m_cycles;
        }
        for (QStandardItem *item : {where, message})
            item->setEditable(false);
        m_errors += d.severity == Diagnostic::Severity::Error ? 1 : 0;
        m_model->appendRow({where, message});
    }

    m_captionLabel->setText(caption.isEmpty() && diagnostics.isEmpty() ? tr("No problems found.")
                                                                       : caption);
    m_captionLabel->setVisible(!m_captionLabel->text().isEmpty());
    m_cycleBanner->setText(
        m_cycles == 1
            ? tr("The foreign keys form a cycle: Sequelize 6.20+ creates the tables in definition "
                 "order, 6.19 and earlier refuse them. The highlighted problem names the fix.")
            : tr("The foreign keys form %1 cycles: Sequelize 6.20+ creates the tables in "
                 "definition order, 6.19 and earlier refuse them. The highlighted problems name "
                 "the fixes.")
                  .arg(m_cycles));
    m_cycleBanner->setVisible(m_cycles > 0);
    m_view->resizeColumnToContents(PathColumn);
    m_view->setColumnWidth(PathColumn, qBound(160, m_view->columnWidth(PathColumn) + 12, 360));
    updateRowHeights();
}

bool ProblemsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        updateRowHeights();
    return QWidget::eventFilter(watched, event);
}

void ProblemsPanel::updateRowHeights()
{
    // QTreeView asks the delegate for row heights without the column width, so wrapped
    // text would be cut to one line: give each message a size hint for the width it has.
    const int margin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
    // The message column stretches to the viewport, which the header learns only later.
    const int column = qMax(m_view->columnWidth(MessageColumn),
                            m_view->viewport()->width() - m_view->columnWidth(PathColumn));
    const int width = qMax(80, column - 2 * margin - 4);
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStandardItem *item = m_model->item(r, MessageColumn);
        const QFont font = item->data(Qt::FontRole).isValid() ? item->font() : m_view->font();
        const QRect text =
            QFontMetrics(font).boundingRect(QRect(0, 0, width, 0), Qt::TextWordWrap, item->text());
        item->setSizeHint(QSize(width, text.height() + 4));
    }
    m_view->doItemsLayout();
}

void ProblemsPanel::onDoubleClicked(const QModelIndex &index)
{
    const QString path = m_model->index(index.row(), PathColumn).data(PathRole).toString();
    if (!path.isEmpty())
        Q_EMIT pathActivated(path);
}

} // namespace mc
