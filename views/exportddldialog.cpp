#include "exportddldialog.h"

#include "ddl/ddlgenerator.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QVBoxLayout>

namespace mc {

namespace {
const QString kDialectKey = QStringLiteral("exportDdl/dialect");
const QString kDirectoryKey = QStringLiteral("exportDdl/directory");
} // namespace

ExportDdlDialog::ExportDdlDialog(const DerivedSchema &derived, const Analysis &analysis,
                                 const QString &projectName, QWidget *parent)
    : QDialog(parent), m_derived(derived), m_analysis(analysis), m_projectName(projectName),
      m_dialectCombo(new QComboBox(this)), m_preview(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Export DDL \u2014 %1").arg(projectName));
    m_dialectCombo->setObjectName(QStringLiteral("dialectCombo"));
    m_dialectCombo->addItem(QStringLiteral("SQLite"), int(Dialect::SQLite));
    m_dialectCombo->addItem(QStringLiteral("PostgreSQL"), int(Dialect::Postgres));
    m_dialectCombo->addItem(QStringLiteral("MySQL\u00b7MariaDB"), int(Dialect::MySQL));

    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copyButton = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_saveButton = buttons->addButton(tr("&Save\u2026"), QDialogButtonBox::ActionRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    connect(m_copyButton, &QPushButton::clicked, this, &ExportDdlDialog::copyToClipboard);
    connect(m_saveButton, &QPushButton::clicked, this, &ExportDdlDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("SQL dialect:"), this));
    top->addWidget(m_dialectCombo);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_preview);
    layout->addWidget(buttons);
    resize(900, 600);

    const auto remembered =
        dialectFromName(QSettings().value(kDialectKey, dialectName(Dialect::SQLite)).toString());
    m_dialect = remembered.value_or(Dialect::SQLite);
    m_dialectCombo->setCurrentIndex(m_dialectCombo->findData(int(m_dialect)));
    connect(m_dialectCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setDialect(Dialect(m_dialectCombo->itemData(i).toInt())); });
    regenerate();
}

void ExportDdlDialog::setDialect(Dialect dialect)
{
    if (dialect == m_dialect)
        return;
    m_dialect = dialect;
    m_dialectCombo->setCurrentIndex(m_dialectCombo->findData(int(dialect)));
    QSettings().setValue(kDialectKey, dialectName(dialect));
    regenerate();
    Q_EMIT dialectChanged(dialect);
}

QString ExportDdlDialog::previewText() const
{
    return m_preview->toPlainText();
}

void ExportDdlDialog::regenerate()
{
    QString problems;
    m_script.clear();
    if (m_derived.error) {
        // generateDdl() leaves define errors to the caller; they hold for every dialect.
        problems = tr("No DDL: Sequelize stops while defining this schema.\n\n%1\n(at %2)\n")
                       .arg(m_derived.error->message, m_derived.error->path);
    } else {
        const DdlResult result = generateDdl(m_derived, m_analysis, m_dialect);
        if (result.ok())
            m_script = ddlScript(result.statements);
        else
            problems = problemsText(result.errors);
    }
    // SQL keeps its lines; explanations wrap so they can be read whole.
    m_preview->setLineWrapMode(problems.isEmpty() ? QPlainTextEdit::NoWrap
                                                  : QPlainTextEdit::WidgetWidth);
    m_preview->setPlainText(problems.isEmpty() ? m_script : problems);
    m_copyButton->setEnabled(canExport());
    m_saveButton->setEnabled(canExport());
}

QString ExportDdlDialog::problemsText(const QStringList &errors) const
{
    QString text = tr("No DDL: %1 cannot take these names.\n\n").arg(m_dialectCombo->currentText());
    for (const QString &e : errors)
        text += QStringLiteral("\u2022 ") + e + QLatin1Char('\n');
    return text;
}

QString ExportDdlDialog::defaultFileName() const
{
    const QString project = m_projectName.isEmpty() ? QStringLiteral("schema") : m_projectName;
    return QStringLiteral("%1-%2.sql").arg(project, dialectName(m_dialect));
}

bool ExportDdlDialog::saveToPath(const QString &path)
{
    m_lastError.clear();
    if (!canExport()) {
        m_lastError = tr("There is no DDL to save.");
        return false;
    }
    QSaveFile file(path);
    const QByteArray bytes = m_script.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_lastError =
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ExportDdlDialog::copyToClipboard()
{
    if (canExport())
        QGuiApplication::clipboard()->setText(m_script);
}

void ExportDdlDialog::save()
{
    QSettings settings;
    const QString dir = settings.value(kDirectoryKey, QDir::homePath()).toString();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export DDL"), QDir(dir).filePath(defaultFileName()),
                                     tr("SQL scripts (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!saveToPath(path)) {
        QMessageBox::warning(this, tr("Export DDL"), m_lastError);
        return;
    }
    settings.setValue(kDirectoryKey, QFileInfo(path).absolutePath());
}

} // namespace mc
