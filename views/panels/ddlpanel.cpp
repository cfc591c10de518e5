#include "ddlpanel.h"

#include "ddl/ddlgenerator.h"
#include "document/document.h"
#include "sqlhighlighter.h"
#include "textpatch.h"

#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mc {

namespace {

// Beyond this many lines the script is shown plain: highlighting runs on the GUI
// thread over the whole text each time it is replaced.
constexpr int kHighlightLineLimit = 20000;

QString dialectTitle(Dialect d)
{
    switch (d) {
    case Dialect::SQLite:
        return QStringLiteral("SQLite");
    case Dialect::Postgres:
        return QStringLiteral("PostgreSQL");
    case Dialect::MySQL:
        break;
    }
    return QStringLiteral("MySQL/MariaDB");
}

} // namespace

/// What one generation produced, with the text edit that shows it (computed by the
/// worker too, against the script shown when it started).
struct DdlPanel::Output
{
    QString script;
    QString message;
    int statements = 0;
    QString base;                   ///< the script shown when the job started
    QVector<TextReplacement> patch; ///< turns base into script
    bool highlight = true;
};

// Pure: runs on the GUI thread or a worker, on copies of the derived schema.
DdlPanel::Output DdlPanel::generate(const DerivedSchema &derived, const Analysis &analysis,
                                    Dialect dialect, const QString &base)
{
    Output out;
    out.base = base;
    if (derived.error) {
        // generateDdl() leaves define errors to the caller; they hold for every dialect.
        out.message = tr("No DDL: Sequelize stops while defining this schema.\n\n%1\n(at %2)")
                          .arg(derived.error->message, derived.error->path);
    } else {
        const DdlResult result = generateDdl(derived, analysis, dialect);
        if (result.ok()) {
            out.script = ddlScript(result.statements);
            out.statements = int(result.statements.size());
        } else {
            out.message = tr("No DDL: %1 cannot take these names.\n").arg(dialectTitle(dialect));
            for (const QString &e : result.errors)
                out.message += QStringLiteral("\n\u2022 ") + e;
        }
    }
    out.patch = textPatch(base, out.script);
    out.highlight = out.script.count(QLatin1Char('\n')) <= kHighlightLineLimit;
    return out;
}

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

DdlPanel::DdlPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_debounce(new QTimer(this)),
      m_dialectCombo(new QComboBox(this)), m_editor(new QPlainTextEdit(this)),
      m_message(new QLabel(this)), m_status(new QLabel(this)),
      m_copyButton(new QPushButton(tr("&Copy"), this))
{
    setAccessibleName(tr("Live DDL"));
    m_dialectCombo->setObjectName(QStringLiteral("dialectCombo"));
    m_dialectCombo->setAccessibleName(tr("SQL dialect"));
    for (Dialect d : {Dialect::SQLite, Dialect::Postgres, Dialect::MySQL})
        m_dialectCombo->addItem(dialectTitle(d), int(d));
    auto *dialectLabel = new QLabel(tr("&Dialect:"), this);
    dialectLabel->setBuddy(m_dialectCombo);

    m_editor->setObjectName(QStringLiteral("ddlText"));
    m_editor->setAccessibleName(tr("DDL script"));
    m_editor->setReadOnly(true);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setUndoRedoEnabled(false); // replaced text must not pile up in an undo stack
    m_highlighter = new SqlHighlighter(m_editor->document());
    updatePaletteColours();

    m_message->setObjectName(QStringLiteral("ddlMessage"));
    m_message->setAccessibleName(tr("Why there is no DDL"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_status->setObjectName(QStringLiteral("ddlStatus"));
    m_status->setAccessibleName(tr("DDL status"));
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setAccessibleName(tr("Copy DDL"));
    m_copyButton->setToolTip(tr("Copy the whole script to the clipboard"));
    connect(m_copyButton, &QPushButton::clicked, this, &DdlPanel::copyToClipboard);

    auto *top = new QHBoxLayout;
    top->addWidget(dialectLabel);
    top->addWidget(m_dialectCombo);
    top->addWidget(m_status, 1);
    top->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_message, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &DdlPanel::regenerate);
    connect(m_dialectCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setDialect(Dialect(m_dialectCombo->itemData(i).toInt())); });
    connect(m_document, &Document::analysisChanged, this, &DdlPanel::scheduleUpdate);
    connect(m_document, &Document::documentReset, this, &DdlPanel::scheduleUpdate);
    regenerate();
}

DdlPanel::~DdlPanel() = default;

void DdlPanel::setDialect(Dialect dialect)
{
    if (dialect == m_dialect)
        return;
    m_dialect = dialect;
    m_dialectCombo->setCurrentIndex(m_dialectCombo->findData(int(dialect)));
    regenerate();
    Q_EMIT dialectChanged(dialect);
}

QString DdlPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool DdlPanel::isPending() const
{
    return m_debounce->isActive() || m_running;
}

void DdlPanel::setDebounceInterval(int msec)
{
    m_debounce->setInterval(msec);
}

void DdlPanel::scheduleUpdate()
{
    ++m_generation; // a result still running now describes an older design
    m_debounce->start();
}

void DdlPanel::regenerate()
{
    m_debounce->stop();
    const quint64 generation = ++m_generation;
    const DerivedSchema &derived = m_document->derived();
    if (derived.tables.size() <= m_backgroundThreshold) {
        m_running = false;
        showResult(generate(derived, m_document->analysis(), m_dialect, m_script));
        return;
    }
    // The copies share their data with the document's (implicit sharing): cheap here,
    // and the worker never sees an edit made after this point.
    m_running = true;
    m_status->setText(tr("Updating\u2026"));
    auto *watcher = new QFutureWatcher<Output>(this);
    connect(watcher, &QFutureWatcher<Output>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // an edit or a dialect change overtook it
        m_running = false;
        showResult(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&DdlPanel::generate, DerivedSchema(derived),
                                         Analysis(m_document->analysis()), m_dialect, m_script));
}

void DdlPanel::showResult(const Output &out)
{
    m_message->setVisible(!out.message.isEmpty());
    m_editor->setVisible(out.message.isEmpty());
    m_message->setText(out.message);
    m_copyButton->setEnabled(!out.script.isEmpty());
    m_status->setText(!out.message.isEmpty() ? QString()
                      : out.statements == 1  ? tr("1 statement")
                                             : tr("%1 statements").arg(out.statements));
    // The worker diffed against the text shown when it started; if that changed since
    // (a result shown on the GUI thread in between), diff again.
    const QVector<TextReplacement> patch =
        out.base.constData() == m_script.constData() ? out.patch : textPatch(m_script, out.script);
    if (!patch.isEmpty()) {
        if (!out.highlight)
            m_highlighter->setDocument(nullptr);
        const int scroll = m_editor->verticalScrollBar()->value(); // keep the reader's place
        QTextCursor cursor(m_editor->document());
        for (const TextReplacement &r : patch) {
            cursor.setPosition(r.position);
            cursor.setPosition(r.position + r.length, QTextCursor::KeepAnchor);
            cursor.insertText(r.text);
        }
        if (out.highlight && !m_highlighter->document())
            m_highlighter->setDocument(m_editor->document());
        m_editor->verticalScrollBar()->setValue(scroll);
    }
    m_script = out.script;
    Q_EMIT updated();
}

void DdlPanel::copyToClipboard()
{
    if (!m_script.isEmpty())
        QGuiApplication::clipboard()->setText(m_script);
}

void DdlPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updatePaletteColours();
    QWidget::changeEvent(event);
}

void DdlPanel::updatePaletteColours()
{
    if (m_highlighter)
        m_highlighter->setDarkBackground(isDark(palette()));
}

} // namespace mc
