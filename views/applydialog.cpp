#include "applydialog.h"

#include "db/droppedobjects.h"
#include "ddl/ddlgenerator.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mc {

namespace {

/// A force run refused over tables with rows; the refusal changed nothing.
bool refusedForDataLoss(const ApplyResult &result)
{
    return !result.ok && result.refusedDataLoss;
}

/// The refusal without the command line's way out, which means nothing here.
QString refusalText(const QString &error)
{
    return QString(error).remove(QStringLiteral(" (--yes)"));
}

QString bullets(const QStringList &items)
{
    QString out;
    for (const QString &i : items)
        out += QStringLiteral("\u2022 ") + i + QLatin1Char('\n');
    return out;
}

} // namespace

ApplyDialog::ApplyDialog(const DatabaseTarget &target, const DerivedSchema &derived,
                         const Analysis &analysis, QWidget *parent)
    : QDialog(parent), m_target(target), m_derived(derived), m_analysis(analysis),
      m_planLabel(new QLabel(this)), m_preview(new QPlainTextEdit(this)),
      m_progress(new QProgressBar(this)), m_statusLabel(new QLabel(this)),
      m_resultView(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Apply to %1").arg(target.url()));
    m_confirm = [this](const QString &title, const QString &question) {
        return QMessageBox::warning(this, title, question, QMessageBox::Yes | QMessageBox::No,
                                    QMessageBox::No) == QMessageBox::Yes;
    };

    auto *targetLabel = new QLabel(
        tr("%1 database: <b>%2</b>").arg(target.engineName(), target.url().toHtmlEscaped()), this);
    targetLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_planLabel->setObjectName(QStringLiteral("planLabel"));
    m_planLabel->setWordWrap(true);
    m_planLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->hide();
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_resultView->setObjectName(QStringLiteral("resultView"));
    m_resultView->setReadOnly(true); // selectable: error texts get copied into bug reports
    m_resultView->setMaximumHeight(140);
    m_resultView->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_cancelButton = buttons->addButton(tr("Cancel &Run"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_applyButton, &QPushButton::clicked, this, &ApplyDialog::apply);
    connect(m_cancelButton, &QPushButton::clicked, this, &ApplyDialog::cancelApply);
    connect(m_closeButton, &QPushButton::clicked, this, &ApplyDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(targetLabel);
    layout->addWidget(buildModes());
    layout->addWidget(m_planLabel);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_resultView);
    layout->addWidget(buttons);
    resize(900, 640);
    startPlan();
}

ApplyDialog::~ApplyDialog() = default; // runners are children: they cancel what still runs

QWidget *ApplyDialog::buildModes()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_modes = new QButtonGroup(this);
    const struct
    {
        ApplyMode mode;
        const char *name;
        QString text;
    } modes[] = {
        {ApplyMode::Create, "createRadio",
         tr("&Create \u2014 adds the tables that are missing; existing tables are not "
            "looked at (sync())")},
        {ApplyMode::Force, "forceRadio",
         tr("&Force \u2014 drops the design's tables that exist and creates them again; "
            "their rows are lost (sync({force: true}))")},
        {ApplyMode::Alter, "alterRadio",
         tr("A&lter \u2014 changes existing tables to match the design, keeping their rows; "
            "other tables are left alone")},
    };
    for (const auto &m : modes) {
        auto *radio = new QRadioButton(m.text, box);
        radio->setObjectName(QLatin1String(m.name));
        radio->setChecked(m.mode == m_mode);
        m_modes->addButton(radio, int(m.mode));
        layout->addWidget(radio);
    }
    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(ApplyMode(id)); });
    return box;
}

void ApplyDialog::setMode(ApplyMode mode)
{
    if (isApplying())
        return;
    m_modes->button(int(mode))->setChecked(true);
    if (mode == m_mode && (isPlanning() || !m_planned.isEmpty() || !m_planProblem.isEmpty()))
        return;
    m_mode = mode;
    startPlan();
}

QString ApplyDialog::previewText() const
{
    return m_preview->toPlainText();
}

bool ApplyDialog::canApply() const
{
    return !isPlanning() && !isApplying() && m_planRunnable && !m_planned.isEmpty();
}

void ApplyDialog::startPlan(bool allowDataLoss)
{
    delete m_planRunner; // a stale dry run is canceled and finishes on its own
    m_planRunner = new ApplyRunner(this);
    if (!allowDataLoss) {
        m_planned.clear();
        m_planNotes.clear();
        m_planProblem.clear();
        m_planRunnable = false;
        m_preview->setPlainText(tr("Planning\u2026"));
        m_planLabel->setText(m_mode == ApplyMode::Create
                                 ? tr("The statements to run:")
                                 : tr("Reading the database to plan the changes\u2026"));
    }
    connect(m_planRunner, &ApplyRunner::finished, this,
            [this, allowDataLoss](const ApplyResult &r) { planFinished(r, allowDataLoss); });
    ApplyOptions options;
    options.mode = m_mode;
    options.dryRun = true;
    options.allowDataLoss = allowDataLoss;
    m_planRunner->start(m_target, m_derived, m_analysis, options);
    updateButtons();
}

void ApplyDialog::planFinished(const ApplyResult &result, bool allowDataLoss)
{
    m_planRunner->deleteLater();
    m_planRunner = nullptr;
    if (refusedForDataLoss(result) && !allowDataLoss) {
        // Show what would run once allowed; the refusal itself is the explanation.
        m_planProblem = result.error;
        startPlan(true);
        return;
    }
    m_planNotes = result.notes;
    m_planRunnable = result.ok;
    QString label;
    if (result.ok) {
        m_planned = result.executed;
        m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_preview->setPlainText(ddlScript(m_planned));
        label = m_planned.isEmpty() ? tr("Nothing to do: the database matches the design.")
                                    : tr("The statements to run (%1):").arg(m_planned.size());
        if (!m_planProblem.isEmpty())
            label = tr("%1\nApply asks before dropping them; the statements below are what then "
                       "runs.")
                        .arg(refusalText(m_planProblem));
    } else {
        m_planProblem = result.error;
        m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        m_preview->setPlainText(tr("Cannot apply in this mode:\n\n%1").arg(result.error));
        label = tr("Nothing would run.");
    }
    if (!m_planNotes.isEmpty())
        label += QLatin1Char('\n') + m_planNotes.join(QLatin1Char('\n'));
    m_planLabel->setText(label);
    updateButtons();
    Q_EMIT planned();
}

bool ApplyDialog::confirmDrops()
{
    const QStringList dropped = droppedObjects(m_planned);
    if (m_mode != ApplyMode::Force && dropped.isEmpty())
        return true;
    const QString what =
        dropped.isEmpty()
            ? tr("Force mode drops the design's tables that exist in %1 before creating them; "
                 "none exist now.\n\nContinue?")
                  .arg(m_target.url())
            : tr("This will drop, in %1:\n%2\nContinue?").arg(m_target.url(), bullets(dropped));
    return m_confirm(tr("Drop from the database?"), what);
}

void ApplyDialog::apply()
{
    if (!canApply())
        return;
    if (!confirmDrops()) {
        m_statusLabel->setText(tr("Nothing was applied."));
        return;
    }
    startRun(false);
}

void ApplyDialog::startRun(bool allowDataLoss)
{
    m_hasResult = false;
    m_resultView->hide();
    m_runRunner = new ApplyRunner(this);
    m_runRunner->setWorkerHook(m_runHook);
    m_runRunner->setWaitOnDestruction(true); // closing the window mid-run rolls back first
    connect(m_runRunner, &ApplyRunner::progressed, this, &ApplyDialog::runProgressed);
    connect(m_runRunner, &ApplyRunner::finished, this,
            [this, allowDataLoss](const ApplyResult &r) { runFinished(r, allowDataLoss); });
    ApplyOptions options;
    options.mode = m_mode;
    options.allowDataLoss = allowDataLoss;
    m_progress->setRange(0, 0); // busy until the first table is reported
    m_progress->show();
    m_statusLabel->setText(tr("Connecting\u2026"));
    m_runRunner->start(m_target, m_derived, m_analysis, options);
    updateButtons();
}

void ApplyDialog::runProgressed(int done, int total, const QString &table)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_statusLabel->setText(tr("Applying %1 (%2 of %3)\u2026").arg(table).arg(done).arg(total));
}

void ApplyDialog::cancelApply()
{
    if (!m_runRunner)
        return;
    m_runRunner->cancel();
    m_statusLabel->setText(tr("Canceling\u2026"));
    m_cancelButton->setEnabled(false);
}

void ApplyDialog::reject()
{
    if (isApplying())
        cancelApply();
    else
        QDialog::reject();
}

void ApplyDialog::runFinished(const ApplyResult &result, bool allowDataLoss)
{
    m_runRunner->deleteLater();
    m_runRunner = nullptr;
    m_progress->hide();
    if (refusedForDataLoss(result) && !allowDataLoss &&
        m_confirm(tr("Drop tables that hold rows?"),
                  tr("%1\n\nDrop these tables and every row in them? This cannot be undone.")
                      .arg(refusalText(result.error)))) {
        startRun(true);
        return;
    }
    showResult(result);
    Q_EMIT applied(result);
    startPlan(); // the database changed: what would run now is different
}

void ApplyDialog::showResult(const ApplyResult &result)
{
    m_result = result;
    m_hasResult = true;
    m_statusLabel->setText(result.ok         ? tr("Done.")
                           : result.canceled ? tr("Canceled.")
                                             : tr("Failed."));
    m_resultView->setPlainText(resultText());
    m_resultView->show();
}

QString ApplyDialog::resultText() const
{
    if (!m_hasResult)
        return QString();
    const ApplyResult &r = m_result;
    QString text;
    if (r.ok) {
        text = tr("Applied to %1: %n statement(s) run.\n", nullptr, int(r.executed.size()))
                   .arg(m_target.url());
        if (r.foreignKeyViolations > 0)
            text += tr("Warning: PRAGMA foreign_key_check reports %n row(s) violating foreign "
                       "keys (rows that existed before the constraints).\n",
                       nullptr, r.foreignKeyViolations);
    } else {
        text = r.canceled ? tr("Canceled.\n") : tr("Apply failed: %1\n").arg(refusalText(r.error));
        if (r.canceled && !r.error.isEmpty())
            text += r.error + QLatin1Char('\n');
        text += r.unchanged ? tr("The database was left unchanged.\n")
                            : tr("The database may have been changed: what could not be undone "
                                 "is named above.\n");
    }
    return text + bullets(r.notes);
}

void ApplyDialog::updateButtons()
{
    m_applyButton->setEnabled(canApply());
    m_cancelButton->setVisible(isApplying());
    m_cancelButton->setEnabled(isApplying());
    m_closeButton->setEnabled(!isApplying());
    for (QAbstractButton *b : m_modes->buttons())
        b->setEnabled(!isApplying());
}

} // namespace mc
