#include "importdialog.h"

#include "io/schemawriter.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace mc {

namespace {

const QString kLastDirKey = QStringLiteral("import/lastDirectory");

QString defaultSavePath(QWidget *parent, const QString &suggested)
{
    return QFileDialog::getSaveFileName(parent, ImportDialog::tr("Save Imported Project"),
                                        suggested,
                                        ImportDialog::tr("ModelCanvas projects (*.json)"));
}

void defaultNotify(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                   const QString &text, const QString &details)
{
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setDetailedText(details); // long lists stay out of the way until asked for
    box.exec();
}

} // namespace

ImportDialog::ImportDialog(const DatabaseTarget &target, QWidget *parent, QSettings *settings)
    : QDialog(parent), m_target(target), m_settings(settings), m_statusLabel(new QLabel(this)),
      m_progress(new QProgressBar(this))
{
    setWindowTitle(tr("Import from Database"));
    m_hooks.savePath = defaultSavePath;
    m_hooks.notify = defaultNotify;
    m_fallbackDir = QDir::homePath();
    if (!m_settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setText(tr("Reading the tables, keys and indexes of %1 database <b>%2</b>\u2026")
                               .arg(target.engineName(), target.url().toHtmlEscaped()));
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0); // one call with no steps to report: busy, not a percentage
    m_progress->setTextVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancelButton = buttons->button(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::setHooks(const ImportHooks &hooks)
{
    if (hooks.savePath)
        m_hooks.savePath = hooks.savePath;
    if (hooks.notify)
        m_hooks.notify = hooks.notify;
    if (hooks.worker)
        m_hooks.worker = hooks.worker;
}

QString ImportDialog::suggestedFileName(const DatabaseTarget &target)
{
    QString base = target.engine == Engine::SQLite
                       ? (target.sqlitePath == QLatin1String(":memory:")
                              ? QString()
                              : QFileInfo(target.sqlitePath).completeBaseName())
                       : target.server.database;
    // A server's database name may hold characters that would make it a path.
    base.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        base = QStringLiteral("imported") + base;
    return base + QStringLiteral(".json");
}

QString ImportDialog::suggestedPath() const
{
    QString dir = settings().value(kLastDirKey).toString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = m_fallbackDir;
    return QDir(dir).filePath(suggestedFileName(m_target));
}

void ImportDialog::start()
{
    Q_ASSERT(!m_runner);
    m_runner = new ImportRunner(this);
    m_runner->setWorkerHook(m_hooks.worker);
    connect(m_runner, &ImportRunner::finished, this, &ImportDialog::runFinished);
    m_runner->start(m_target);
}

void ImportDialog::reject()
{
    if (isRunning()) {
        // Reading is one call: it cannot be interrupted, only its result ignored.
        m_canceled = true;
        m_cancelButton->setEnabled(false);
    }
    QDialog::reject();
}

void ImportDialog::runFinished(const ImportOutcome &outcome)
{
    // Canceled: the dialog is closed already and the result is dropped.
    if (!m_canceled) {
        hide(); // the save dialog and message boxes belong to the window, not to this
        bool accepted = false;
        if (!outcome.ok())
            notify(QMessageBox::Critical, tr("Import Failed"),
                   tr("Could not import from %1. Nothing was changed.").arg(m_target.url()),
                   outcome.error);
        else
            accepted = save(outcome);
        done(accepted ? Accepted : Rejected);
    }
    deleteLater();
}

bool ImportDialog::save(const ImportOutcome &outcome)
{
    QWidget *owner = parentWidget() ? parentWidget() : this;
    const QString path = m_hooks.savePath(owner, suggestedPath());
    if (path.isEmpty())
        return false; // the user changed their mind: nothing is written
    if (m_target.engine == Engine::SQLite &&
        QFileInfo(path).absoluteFilePath() == QFileInfo(m_target.sqlitePath).absoluteFilePath()) {
        notify(QMessageBox::Critical, tr("Import Failed"),
               tr("%1 is the database being imported; choose another file.").arg(path));
        return false;
    }
    QString why;
    if (!saveSchemaFile(*outcome.schema, path, &why)) {
        notify(QMessageBox::Critical, tr("Import Failed"),
               tr("Could not save the imported project."), why);
        return false;
    }
    settings().setValue(kLastDirKey, QFileInfo(path).absolutePath());
    Q_EMIT saved(path);

    QStringList warnings;
    for (const Diagnostic &d : outcome.diagnostics)
        warnings << d.toString();
    if (warnings.isEmpty())
        return true;
    // Spelled out rather than %n: the English text must read right without a translator.
    const QString tables =
        outcome.tableCount == 1 ? tr("1 table") : tr("%1 tables").arg(outcome.tableCount);
    const QString count =
        warnings.size() == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings.size());
    notify(QMessageBox::Warning, tr("Imported with Warnings"),
           tr("Imported %1 from %2 into %3 with %4: what the project does not reproduce "
              "exactly. See the details.")
               .arg(tables, m_target.url(), QFileInfo(path).fileName(), count),
           warnings.join(QLatin1Char('\n')));
    return true;
}

void ImportDialog::notify(QMessageBox::Icon icon, const QString &title, const QString &text,
                          const QString &details)
{
    m_hooks.notify(parentWidget() ? parentWidget() : this, icon, title, text, details);
}

QSettings &ImportDialog::settings() const
{
    return *m_settings;
}

} // namespace mc
