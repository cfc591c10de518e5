#pragma once

#include "document/document.h"

#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;

namespace mc {

class AssociationPage;
class EditPusher;
class ModelPage;
class OptionsForm;

/// The property panel (a dock's content): the selected model or association, or,
/// with nothing or several things selected, the global options. Every field edit is
/// an undoable command on the document's undo stack (typing merges into one step);
/// a value the file format or Sequelize would reject is refused on the spot with the
/// reason shown next to the field. It follows the document: after any change (undo,
/// the canvas, another panel) it shows the current values.
class PropertyPanel : public QWidget
{
    Q_OBJECT

public:
    /// \a document must outlive the panel.
    explicit PropertyPanel(Document *document, QWidget *parent = nullptr);
    ~PropertyPanel() override;

    void setSelection(const QVector<ModelId> &models, const QVector<AssociationId> &associations);

    ModelPage *modelPage() const { return m_modelPage; }
    AssociationPage *associationPage() const { return m_associationPage; }
    OptionsForm *globalOptions() const { return m_globalOptions; }
    /// The page shown: the model page, the association page or the global options.
    QWidget *currentPage() const;

private:
    void showModel(ModelId id);
    void showAssociation(AssociationId id);
    void showGlobalOptions();
    void refresh();
    void connectDocument();
    void onGlobalOptionsEdited(const ModelOptions &options, const QString &field, bool typing);

    Document *m_document;
    std::unique_ptr<EditPusher> m_pusher;
    QLabel *m_title;
    QStackedWidget *m_pages;
    ModelPage *m_modelPage;
    AssociationPage *m_associationPage;
    QWidget *m_globalPage;
    OptionsForm *m_globalOptions;
};

} // namespace mc
