#include "propertypanel.h"

#include "associationpage.h"
#include "editpusher.h"
#include "modelpage.h"
#include "optionsform.h"

#include "commands/commands.h"
#include "document/editcheck.h"

#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mc {

namespace {

bool anySet(const ModelOptions &o)
{
    return o.underscored || o.timestamps || o.freezeTableName || o.paranoid ||
           o.createdAt.present || o.updatedAt.present || o.deletedAt.present ||
           !o.extensions.empty();
}

QWidget *scrolled(QWidget *page, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

PropertyPanel::PropertyPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_pusher(std::make_unique<EditPusher>(document)),
      m_title(new QLabel(this)), m_pages(new QStackedWidget(this)),
      m_modelPage(new ModelPage(document, m_pusher.get())),
      m_associationPage(new AssociationPage(document, m_pusher.get())), m_globalPage(new QWidget),
      m_globalOptions(new OptionsForm(tr("Sequelize default"), m_globalPage))
{
    setAccessibleName(tr("Properties"));
    m_title->setObjectName(QStringLiteral("propertiesTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *globalBox = new QGroupBox(tr("Global options (every model inherits them)"), m_globalPage);
    (new QVBoxLayout(globalBox))->addWidget(m_globalOptions);
    auto *globalLayout = new QVBoxLayout(m_globalPage);
    globalLayout->addWidget(globalBox);
    globalLayout->addStretch(1);
    for (QWidget *page : {static_cast<QWidget *>(m_modelPage),
                          static_cast<QWidget *>(m_associationPage), m_globalPage})
        m_pages->addWidget(scrolled(page, m_pages));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_pages, 1);
    connect(m_globalOptions, &OptionsForm::edited, this, &PropertyPanel::onGlobalOptionsEdited);
    connect(m_globalOptions, &OptionsForm::fieldLeft, this, &PropertyPanel::refresh);
    connectDocument();
    showGlobalOptions();
}

PropertyPanel::~PropertyPanel()
{
    delete m_pages; // the pages use m_pusher: they go first
}

void PropertyPanel::connectDocument()
{
    Document *d = m_document;
    connect(d, &Document::documentReset, this, [this] { showGlobalOptions(); });
    connect(d, &Document::modelChanged, this, [this](ModelId id) {
        if (currentPage() == m_modelPage && m_modelPage->model() == id)
            refresh();
    });
    connect(d, &Document::modelRemoved, this, [this](ModelId id) {
        if (currentPage() == m_modelPage && m_modelPage->model() == id)
            showGlobalOptions();
    });
    connect(d, &Document::associationRemoved, this, [this](AssociationId id) {
        if (currentPage() == m_associationPage && m_associationPage->association() == id)
            showGlobalOptions();
    });
    // Derived values (effective actions, default names, inherited options) can
    // change with any edit, and an undo may touch anything: refresh the page shown.
    connect(d, &Document::globalOptionsChanged, this, &PropertyPanel::refresh);
    connect(d, &Document::associationChanged, this, &PropertyPanel::refresh);
    connect(d, &Document::derivedChanged, this, &PropertyPanel::refresh);
    connect(d->undoStack(), &QUndoStack::indexChanged, this, &PropertyPanel::refresh);
}

QWidget *PropertyPanel::currentPage() const
{
    auto *area = qobject_cast<QScrollArea *>(m_pages->currentWidget());
    return area ? area->widget() : nullptr;
}

void PropertyPanel::setSelection(const QVector<ModelId> &models,
                                 const QVector<AssociationId> &associations)
{
    if (models.size() == 1 && associations.isEmpty() && m_document->model(models[0]))
        showModel(models[0]);
    else if (models.isEmpty() && associations.size() == 1 &&
             m_document->association(associations[0]))
        showAssociation(associations[0]);
    else
        showGlobalOptions();
}

void PropertyPanel::showModel(ModelId id)
{
    m_pages->setCurrentIndex(0);
    m_modelPage->setModel(id);
    refresh();
}

void PropertyPanel::showAssociation(AssociationId id)
{
    m_pages->setCurrentIndex(1);
    m_associationPage->setAssociation(id);
    refresh();
}

void PropertyPanel::showGlobalOptions()
{
    m_pages->setCurrentIndex(2);
    m_globalOptions->setReason(QString(), QString());
    refresh();
}

void PropertyPanel::refresh()
{
    QWidget *page = currentPage();
    if (page == m_modelPage) {
        const Model *m = m_document->model(m_modelPage->model());
        m_title->setText(m ? tr("Model %1").arg(m->name) : QString());
        m_modelPage->refresh();
    } else if (page == m_associationPage) {
        const Association *a = m_document->association(m_associationPage->association());
        m_title->setText(a ? tr("%1.%2(%3)").arg(a->source, associationTypeName(a->type), a->target)
                           : QString());
        m_associationPage->refresh();
    } else {
        m_title->setText(tr("Global options"));
        m_globalOptions->setOptions(m_document->schema().options,
                                    effectiveOptions(ModelOptions(), nullptr),
                                    m_pusher->isPushing());
    }
}

void PropertyPanel::onGlobalOptionsEdited(const ModelOptions &options, const QString &field,
                                          bool typing)
{
    const Diagnostics problems = checkOptionsEdit(options);
    if (!problems.isEmpty())
        return m_globalOptions->setReason(field, problems.first().message);
    const ModelOptions before = m_document->schema().options;
    const bool hadOptions = m_document->schema().hasOptions;
    Document *document = m_document;
    const QString key = typing ? QStringLiteral("options:%1").arg(field) : QString();
    auto command = [document, key](const ModelOptions &o, bool has) {
        EditCommand *cmd = setGlobalOptionsCommand(document, o, has);
        if (cmd)
            cmd->setMergeKey(key);
        return cmd;
    };
    const QString refused = m_pusher->push(command(options, hadOptions || anySet(options)),
                                           [=] { return command(before, hadOptions); });
    m_globalOptions->setReason(field, refused);
}

} // namespace mc
