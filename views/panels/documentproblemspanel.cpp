#include "documentproblemspanel.h"

#include "problemlistmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace mc {

namespace {

bool sameFixes(const QVector<QuickFix> &a, const QVector<QuickFix> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].association != b[i].association ||
            a[i].model != b[i].model || a[i].column != b[i].column || a[i].text != b[i].text)
            return false;
    }
    return true;
}

} // namespace

DocumentProblemsPanel::DocumentProblemsPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new ProblemListModel(document, this)),
      m_caption(new QLabel(this)), m_cycleBanner(new QLabel(this)), m_view(new QTreeView(this)),
      m_details(new QLabel), m_fixBox(new QWidget)
{
    setAccessibleName(tr("Problems"));
    m_caption->setObjectName(QStringLiteral("problemsCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cycleBanner->setObjectName(QStringLiteral("cycleBanner"));
    m_cycleBanner->setAccessibleName(tr("FK cycle warning"));
    m_cycleBanner->setWordWrap(true);
    // Fixed colours on both palettes: an amber note with dark text stays readable.
    m_cycleBanner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; "
                                                "border: 1px solid #e0c060; padding: 4px; "
                                                "font-weight: bold; }"));
    m_cycleBanner->hide();

    m_view->setObjectName(QStringLiteral("problemsList"));
    m_view->setAccessibleName(tr("Problem list"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true); // thousands of lint rows stay cheap
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ProblemListModel::ProblemColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ProblemListModel::LocationColumn, 200);
    m_view->setColumnWidth(ProblemListModel::FixColumn, 260);
    connect(m_view, &QTreeView::clicked, this, &DocumentProblemsPanel::activate);
    connect(m_view, &QTreeView::activated, this, &DocumentProblemsPanel::activate);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &DocumentProblemsPanel::showFixMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DocumentProblemsPanel::updateDetails);
    auto *fixMenu = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period), m_view);
    fixMenu->setContext(Qt::WidgetShortcut);
    connect(fixMenu, &QShortcut::activated, this,
            [this] { showFixMenu(m_view->visualRect(m_view->currentIndex()).center()); });

    m_details->setObjectName(QStringLiteral("problemDetails"));
    m_details->setAccessibleName(tr("Problem details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fixBox->setAccessibleName(tr("Quick fixes"));
    m_fixLayout = new QVBoxLayout(m_fixBox);
    m_fixLayout->setContentsMargins(0, 0, 0, 0);
    m_fixBox->hide();

    auto *detailPane = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    // The fixes first: the message can be long, and the dock is often short.
    detailLayout->addWidget(m_fixBox);
    detailLayout->addWidget(m_details);
    detailLayout->addStretch();
    // A long cycle message in a short dock scrolls rather than squeezing the buttons.
    auto *detailScroll = new QScrollArea;
    detailScroll->setWidget(detailPane);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_caption);
    layout->addWidget(m_cycleBanner);
    layout->addWidget(splitter, 1);

    connect(m_document, &Document::analysisChanged, this, &DocumentProblemsPanel::refresh);
    connect(m_document, &Document::documentReset, this, &DocumentProblemsPanel::refresh);
    refresh();
}

void DocumentProblemsPanel::setDiagnostics(const Diagnostics &diagnostics, const QString &caption)
{
    m_external = true;
    showRows(diagnostics, false, caption);
}

void DocumentProblemsPanel::refresh()
{
    m_external = false;
    showRows(m_document->problems(), true, QString());
}

int DocumentProblemsPanel::count() const
{
    return m_model->rowCount();
}

int DocumentProblemsPanel::cycleCount() const
{
    return m_model->cycleCount();
}

int DocumentProblemsPanel::errorCount() const
{
    return m_model->errorCount();
}

ResolvedProblem DocumentProblemsPanel::problemAt(int row) const
{
    return m_model->resolve(row);
}

bool DocumentProblemsPanel::applyFix(int row, int fix)
{
    const QVector<QuickFix> fixes = m_model->resolve(row).fixes;
    if (fix < 0 || fix >= fixes.size())
        return false;
    return m_model->applyFix(fixes[fix]);
}

void DocumentProblemsPanel::showRows(const Diagnostics &diagnostics, bool resolvable,
                                     const QString &caption)
{
    // Keep the reader on the same problem when the list changes around it.
    const QModelIndex current = m_view->currentIndex();
    const QString path = current.data(ProblemListModel::PathRole).toString();
    const QString message = current.data(ProblemListModel::MessageRole).toString();
    if (m_model->setDiagnostics(diagnostics, resolvable) && current.isValid()) {
        const int row = m_model->findRow(path, message);
        if (row >= 0)
            m_view->setCurrentIndex(m_model->index(row, ProblemListModel::ProblemColumn));
    }
    updateBanner(caption);
    // Fixes name ids that may have moved even when the text did not.
    updateDetails();
    if (count() != m_lastCount) {
        m_lastCount = count();
        Q_EMIT countChanged(m_lastCount);
    }
}

void DocumentProblemsPanel::updateBanner(const QString &caption)
{
    m_caption->setText(caption.isEmpty() && count() == 0 ? tr("No problems found.") : caption);
    m_caption->setVisible(!m_caption->text().isEmpty());
    const int cycles = cycleCount();
    m_cycleBanner->setText(
        cycles == 1
            ? tr("The foreign keys form a cycle: Sequelize 6.20+ creates the tables in definition "
                 "order, 6.19 and earlier refuse them. Choose the cycle for its quick fixes.")
            : tr("The foreign keys form %1 cycles: Sequelize 6.20+ creates the tables in "
                 "definition order, 6.19 and earlier refuse them. Choose a cycle for its quick "
                 "fixes.")
                  .arg(cycles));
    m_cycleBanner->setVisible(cycles > 0);
}

void DocumentProblemsPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const ResolvedProblem problem = m_model->resolve(index.row());
    if (!problem.models.isEmpty() || !problem.associations.isEmpty())
        Q_EMIT itemsActivated(problem.models, problem.associations);
    const QString path = index.data(ProblemListModel::PathRole).toString();
    if (!path.isEmpty())
        Q_EMIT pathActivated(path);
}

void DocumentProblemsPanel::updateDetails()
{
    const QModelIndex current = m_view->currentIndex();
    m_details->setText(current.isValid() ? current.data(ProblemListModel::MessageRole).toString()
                                         : QString());
    const QVector<QuickFix> fixes =
        current.isValid() ? m_model->resolve(current.row()).fixes : QVector<QuickFix>();
    if (sameFixes(fixes, m_shownFixes))
        return; // keep the buttons (and the focus on one of them)
    m_shownFixes = fixes;
    for (QPushButton *button : qAsConst(m_fixButtons)) {
        button->hide();
        button->deleteLater(); // it may be the one whose click got us here
    }
    m_fixButtons.clear();
    QWidget *previous = m_view;
    for (const QuickFix &fix : fixes) {
        auto *button = new QPushButton(fix.text, m_fixBox);
        button->setAccessibleName(fix.text);
        button->setToolTip(tr("Quick fix (undoable): %1").arg(fix.text));
        connect(button, &QPushButton::clicked, this, [this, fix] { runFix(fix); });
        m_fixLayout->addWidget(button);
        // New widgets join the end of the window's tab chain: put them after the list.
        setTabOrder(previous, button);
        previous = button;
        m_fixButtons << button;
    }
    m_fixBox->setVisible(!fixes.isEmpty());
}

void DocumentProblemsPanel::showFixMenu(const QPoint &viewportPos)
{
    const QModelIndex index = m_view->indexAt(viewportPos);
    if (!index.isValid())
        return;
    const ResolvedProblem problem = m_model->resolve(index.row());
    QMenu menu(this);
    QAction *show = menu.addAction(tr("Show in Diagram"));
    show->setEnabled(!problem.models.isEmpty() || !problem.associations.isEmpty());
    connect(show, &QAction::triggered, this, [this, index] { activate(index); });
    if (!problem.fixes.isEmpty())
        menu.addSection(tr("Quick fixes"));
    for (const QuickFix &fix : problem.fixes)
        connect(menu.addAction(fix.text), &QAction::triggered, this, [this, fix] { runFix(fix); });
    menu.exec(m_view->viewport()->mapToGlobal(viewportPos));
}

void DocumentProblemsPanel::runFix(const QuickFix &fix)
{
    m_model->applyFix(fix);
    // The button is gone with its problem; keep keyboard users in the list.
    m_view->setFocus(Qt::OtherFocusReason);
}

} // namespace mc
