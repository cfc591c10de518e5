#pragma once

#include "document/document.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace mc {

class EditPusher;
class ReasonLabel;

/// The property page of one association: type, source, target, `as` (string or
/// singular/plural), `foreignKey` (name or attribute object), the other keys,
/// `through`, `constraints` and the referential actions with their effective values.
/// Each edit is checked by the loader (checkAssociationEdit()) and pushed as one
/// undoable command; keys that do not apply to the type are disabled.
class AssociationPage : public QWidget
{
    Q_OBJECT

public:
    AssociationPage(Document *document, EditPusher *pusher, QWidget *parent = nullptr);

    void setAssociation(AssociationId id);
    AssociationId association() const { return m_id; }
    void refresh();

    QString reason(const QString &field) const;
    QLabel *onDeleteEffective() const { return m_onDeleteEffective; }
    QLabel *onUpdateEffective() const { return m_onUpdateEffective; }

private:
    QLineEdit *addLine(QFormLayout *form, const QString &key, const QString &label);
    QComboBox *addCombo(QFormLayout *form, const QString &key, const QString &label,
                        const QStringList &items);
    void addReason(QFormLayout *form, const QString &key, QWidget *field);
    void connectFields();
    void edit(const QString &field, bool typing);
    Association fromFields(const QString &field) const;
    void commit(const Association &after, const QString &field, bool typing);
    void setReason(const QString &field, const QString &reason);
    /// Shows the document's values; \a keep leaves a focused text field alone.
    void showFields(bool keep);
    void refreshModelNames();
    void updateApplicable(AssociationType type);
    void showKeys(const Association &a, bool keep);

    Document *m_document;
    EditPusher *m_pusher;
    AssociationId m_id = 0;
    QStringList m_modelNames;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, ReasonLabel *> m_reasons;
    QComboBox *m_type = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_target = nullptr;
    QComboBox *m_asKind = nullptr;
    QLineEdit *m_as = nullptr;
    QLineEdit *m_singular = nullptr;
    QLineEdit *m_plural = nullptr;
    QComboBox *m_fkKind = nullptr;
    QLineEdit *m_fkName = nullptr;
    QLineEdit *m_fkType = nullptr;
    QComboBox *m_fkAllowNull = nullptr;
    QLineEdit *m_sourceKey = nullptr;
    QLineEdit *m_targetKey = nullptr;
    QLineEdit *m_otherKey = nullptr;
    QLineEdit *m_through = nullptr;
    QComboBox *m_constraints = nullptr;
    QComboBox *m_fkConstraint = nullptr;
    QComboBox *m_onDelete = nullptr;
    QComboBox *m_onUpdate = nullptr;
    QLabel *m_onDeleteEffective = nullptr;
    QLabel *m_onUpdateEffective = nullptr;
};

} // namespace mc
