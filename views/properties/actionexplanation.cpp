#include "actionexplanation.h"

#include <QCoreApplication>

namespace mc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mc::ActionExplanation", text);
}

const DerivedColumn *fkColumn(const Document &document, const ResolvedAssociation &r)
{
    const DerivedSchema &d = document.derived();
    const int table = d.tableIndexByName(r.holderTable);
    if (table < 0)
        return nullptr;
    const int column = d.tables[table].columnIndexByAttribute(r.foreignKey);
    return column < 0 ? nullptr : &d.tables[table].columns[column];
}

/// The attribute the holder model declares under the FK's name, if any.
const Attribute *declaredKey(const Document &document, const ResolvedAssociation &r)
{
    const DerivedSchema &d = document.derived();
    const int table = d.tableIndexByName(r.holderTable);
    const int model = table < 0 ? -1 : d.tables[table].modelIndex;
    if (model < 0 || model >= document.schema().models.size())
        return nullptr;
    for (const Attribute &a : document.schema().models[model].attributes) {
        if (a.name == r.foreignKey)
            return &a;
    }
    return nullptr;
}

/// Spec §5.1: whether the FK counts as nullable, and the words that say why.
QPair<bool, QString> nullability(const Document &document, const Association &a,
                                 const ResolvedAssociation &r)
{
    if (const Attribute *declared = declaredKey(document, r)) {
        if (!declared->allowNull)
            return {false, tr("the declared %1 omits allowNull, which counts as NOT NULL here")
                               .arg(r.foreignKey)};
        return {*declared->allowNull, *declared->allowNull
                                          ? tr("the declared %1 allows NULL").arg(r.foreignKey)
                                          : tr("the declared %1 is NOT NULL").arg(r.foreignKey)};
    }
    const bool fkAllowsNull = a.foreignKey.kind != KeySpec::Kind::Object ||
                              a.foreignKey.attribute->allowNull.value_or(true);
    return {fkAllowsNull, fkAllowsNull ? tr("the FK allows NULL") : tr("the FK is NOT NULL")};
}

QString shown(const QString &action, const QString &why)
{
    return (action.isEmpty() ? tr("NO ACTION (database default)") : action) + QStringLiteral(": ") +
           why;
}

/// Why \a actual is what it is; \a isDelete picks onDelete over onUpdate.
QString explain(const Document &document, const Association &a, const ResolvedAssociation &r,
                const DerivedColumn &column, bool isDelete)
{
    const std::optional<QString> &given = isDelete ? a.onDelete : a.onUpdate;
    const QString actual = isDelete ? column.onDelete : column.onUpdate;
    const bool mine =
        column.origin != ColumnOrigin::ForeignKey || column.associationIndex == r.index;
    const bool btm = a.type == AssociationType::BelongsToMany;
    if (!mine && !btm)
        return shown(actual, tr("set by associations[%1], which created %2 first")
                                 .arg(column.associationIndex)
                                 .arg(r.foreignKey));
    if (!a.constraints.value_or(true))
        return shown(actual, given ? tr("given here; constraints: false computes no default")
                                   : tr("constraints: false computes no default"));
    QString expected;
    QString why;
    if (given) {
        expected = given->toUpper();
        why = tr("given here");
    } else if (btm) {
        expected = QStringLiteral("CASCADE");
        why = tr("belongsToMany junction");
    } else if (!isDelete) {
        expected = QStringLiteral("CASCADE");
        why = tr("Sequelize's default");
    } else {
        const auto [nullable, because] = nullability(document, a, r);
        expected = nullable                               ? QStringLiteral("SET NULL")
                   : a.type == AssociationType::BelongsTo ? QStringLiteral("NO ACTION")
                                                          : QStringLiteral("CASCADE");
        why = because;
    }
    if (expected != actual)
        why = tr("kept from an earlier definition of %1").arg(r.foreignKey);
    return shown(actual, why);
}

} // namespace

ActionExplanation explainActions(const Document &document, AssociationId id)
{
    const Association *a = document.association(id);
    const ResolvedAssociation *r = document.resolved(id);
    if (!a)
        return {};
    if (!r || !r->applied) {
        const QString why = tr("not derived: Sequelize stopped at an earlier error");
        return {why, why};
    }
    const DerivedColumn *column = fkColumn(document, *r);
    if (!column) {
        const QString why = tr("unknown: no FK column was derived");
        return {why, why};
    }
    if (!column->hasReference) {
        const QString why = a->constraints.value_or(true)
                                ? tr("none: the key is part of a composite primary key")
                                : tr("none: constraints: false (no REFERENCES)");
        return {why, why};
    }
    return {explain(document, *a, *r, *column, true), explain(document, *a, *r, *column, false)};
}

} // namespace mc
