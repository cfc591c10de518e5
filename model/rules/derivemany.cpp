#include "deriver_p.h"

#include "inflection.h"

// belongsToMany as belongs-to-many.js does it: the junction model made from a
// `through` string, the pairing of two calls on one junction (each fixing the
// other's keys), and the keys and uniques injected into the junction. The rest of
// the replay is in derive.cpp.

namespace mc::detail {

void Deriver::btmKeys(AssocState &a)
{
    // belongs-to-many.js _createForeignAndOtherKeys: an object key without a name
    // really yields the attribute "undefined".
    const Association &d = *a.decl;
    const ModelState &src = m_models[size_t(a.source)];
    const ModelState &tgt = m_models[size_t(a.target)];
    if (d.foreignKey.kind == KeySpec::Kind::Object)
        a.foreignKey = d.foreignKey.attribute->hasName ? d.foreignKey.attribute->name
                                                       : QStringLiteral("undefined");
    else if (d.foreignKey.kind == KeySpec::Kind::String)
        a.foreignKey = d.foreignKey.name;
    else
        a.foreignKey = camelize(src.singular + QLatin1Char('_') + a.sourceKey);
    if (d.otherKey.kind == KeySpec::Kind::Object) {
        a.otherKey = d.otherKey.attribute->hasName ? d.otherKey.attribute->name
                                                   : QStringLiteral("undefined");
    } else {
        if (d.otherKey.kind == KeySpec::Kind::Absent)
            a.otherKeyDefault = true;
        a.otherKey = d.otherKey.kind == KeySpec::Kind::String
                         ? d.otherKey.name
                         : camelize((a.source == a.target ? singularize(a.as) : tgt.singular) +
                                    QLatin1Char('_') + a.targetKey);
    }
}

void Deriver::belongsToMany(AssocState &a)
{
    const Association &d = *a.decl;
    ModelState *src = &m_models[size_t(a.source)];
    const ModelState *tgt = &m_models[size_t(a.target)];
    if (!d.through)
        fail(QStringLiteral("%1.belongsToMany(%2) requires through option, pass either a string "
                            "or a model")
                 .arg(src->name, tgt->name),
             assocPath(a), -1, a.index);
    if (d.as.kind == AliasSpec::Kind::Absent && a.source == a.target)
        fail(QStringLiteral("'as' must be defined for many-to-many self-associations"),
             assocPath(a), -1, a.index);
    nameMany(a, *tgt);
    a.as = a.plural;
    for (const auto &k : tgt->assocKeys) {
        const int position = positionOf(k.second);
        if (position < 0 || position >= a.index)
            continue; // registered later: not there yet at this point of the replay
        AssocState &other = m_assocs[size_t(k.second)];
        const Association &od = m_schema->associations[position];
        if (od.type == AssociationType::BelongsToMany && other.target == a.source &&
            od.through == d.through) {
            a.paired = k.second;
            other.paired = a.id;
        }
    }
    a.sourceKey = d.sourceKey.value_or(src->pkAttribute());
    if (src->find(a.sourceKey) < 0)
        fail(QStringLiteral("Cannot read properties of undefined (reading 'field')"),
             assocPath(a, "sourceKey"), -1, a.index);
    a.sourceKeyField = src->fieldOf(a.sourceKey);
    if (d.targetKey) {
        a.targetKey = *d.targetKey;
        if (tgt->find(a.targetKey) < 0)
            fail(QStringLiteral("Cannot read properties of undefined (reading 'field')"),
                 assocPath(a, "targetKey"), -1, a.index);
    } else {
        a.targetKeyDefault = true;
        a.targetKey = tgt->pkAttribute();
    }
    a.targetKeyField = tgt->fieldOf(a.targetKey);
    btmKeys(a);

    const int existing = m_byName.value(*d.through, -1);
    if (m_keepState && existing >= 0 && m_kind[size_t(existing)] == SlotKind::Model)
        m_incrementalSafe = false; // a declared model as junction: its key changes mid-replay
    a.junction = existing >= 0 ? existing : defineJunction(*d.through, *src, a.id);
    src = &m_models[size_t(a.source)]; // defineJunction may reallocate
    tgt = &m_models[size_t(a.target)];
    ModelState &junction = m_models[size_t(a.junction)];
    junction.junction = true;

    if (a.paired >= 0) {
        AssocState &p = m_assocs[size_t(a.paired)];
        bool injectPaired = false;
        if (a.targetKeyDefault) {
            a.targetKey = p.sourceKey;
            a.targetKeyField = p.sourceKeyField;
            btmKeys(a);
        }
        if (p.targetKeyDefault && p.targetKey != a.sourceKey) {
            if (writable(a.junction))
                junction.remove(p.otherKey);
            p.targetKey = a.sourceKey;
            p.targetKeyField = a.sourceKeyField;
            btmKeys(p);
            injectPaired = true;
        }
        if (a.otherKeyDefault)
            a.otherKey = p.foreignKey;
        if (p.otherKeyDefault && p.otherKey != a.foreignKey) {
            if (writable(a.junction))
                junction.remove(p.otherKey);
            p.otherKey = a.foreignKey;
            injectPaired = true;
        }
        if (injectPaired)
            btmInject(p);
    }
    if (writable(a.source))
        m_models[size_t(a.source)].registerAssociation(a.as, a.id);
    btmInject(a);
    // The hidden hasOne(through, {as: through.name}) associations check aliases too.
    const QString junctionName = m_models[size_t(a.junction)].name;
    for (int side : {a.source, a.target}) {
        if (m_models[size_t(side)].hasAlias(junctionName))
            fail(QStringLiteral("You have used the alias %1 in two separate associations. "
                                "Aliased associations must have unique aliases.")
                     .arg(junctionName),
                 assocPath(a, "through"), -1, a.index);
    }
    checkCollision(a, m_models[size_t(a.source)]);
    mixin(a, multiMethods(a.singular, a.plural));
}

void Deriver::btmInject(AssocState &a)
{
    if (!writable(a.junction))
        return;
    const Association &d = *a.decl;
    ModelState &j = m_models[size_t(a.junction)];
    const ModelState &src = m_models[size_t(a.source)];
    const ModelState &tgt = m_models[size_t(a.target)];
    bool pkDeleted = false;
    for (size_t i = 0; i < j.attrs.size();) {
        Attr &x = j.attrs[i];
        if (x.isPk() && x.autoGenerated) {
            pkDeleted = true;
            if (x.name == a.foreignKey || x.name == a.otherKey) {
                x.primaryKey = false;
            } else {
                j.remove(x.name);
                continue;
            }
        }
        ++i;
    }
    const int sourceKey = src.find(a.sourceKey), targetKey = tgt.find(a.targetKey);
    if (sourceKey < 0 || targetKey < 0) // a junction model that lost its key to another pairing
        fail(QStringLiteral("Cannot read properties of undefined (reading 'type')"), assocPath(a),
             -1, a.index);
    Attr s, t;
    s.type = src.attrs[size_t(sourceKey)].type;
    t.type = tgt.attrs[size_t(targetKey)].type;
    overlay(s, d.foreignKey);
    overlay(t, d.otherKey);
    if (pkDeleted) {
        s.primaryKey = t.primaryKey = true;
    } else {
        s.unique = t.unique =
            QStringList{j.table, a.foreignKey, a.otherKey, QStringLiteral("unique")}.join(
                QLatin1Char('_'));
    }
    for (const QString &key : {a.foreignKey, a.otherKey}) {
        if (j.find(key) < 0) {
            Attr placeholder;
            placeholder.name = key;
            placeholder.autoGenerated = true;
            placeholder.origin = ColumnOrigin::ForeignKey;
            placeholder.associationId = a.id;
            j.append(placeholder);
        }
    }
    if (d.constraints.value_or(true)) {
        // The source side prefers the association's own actions; the target side
        // keeps what an earlier (paired) association stored (spec §5.2).
        auto reference = [](Attr &x, const ModelState &m, const QString &key,
                            const std::optional<QString> &del, const std::optional<QString> &upd,
                            const std::optional<QString> &delFallback,
                            const std::optional<QString> &updFallback) {
            x.hasReference = true;
            x.refTable = m.table;
            x.refKey = key;
            x.refModel = m.name;
            x.onDelete = del ? del : delFallback;
            x.onUpdate = upd ? upd : updFallback;
            if (!x.onDelete)
                x.onDelete = kCascade;
            if (!x.onUpdate)
                x.onUpdate = kCascade;
        };
        const Attr &fkNow = *j.attr(a.foreignKey);
        reference(s, src, a.sourceKeyField, d.onDelete, d.onUpdate, fkNow.onDelete, fkNow.onUpdate);
        const Attr &okNow = *j.attr(a.otherKey);
        reference(t, tgt, a.targetKeyField, okNow.onDelete, okNow.onUpdate, d.onDelete, d.onUpdate);
    }
    // Object.assign: every key the new definition has overwrites.
    auto assign = [&](const QString &key, const Attr &from) {
        Attr &to = *j.attr(key);
        to.type = from.type;
        if (from.allowNull)
            to.allowNull = from.allowNull;
        if (from.primaryKey)
            to.primaryKey = from.primaryKey;
        if (from.autoIncrement)
            to.autoIncrement = from.autoIncrement;
        if (from.unique || from.uniqueFalse) {
            to.unique = from.unique;
            to.uniqueFalse = from.uniqueFalse;
        }
        if (from.defaultValue)
            to.defaultValue = from.defaultValue;
        if (from.field)
            to.field = from.field;
        if (from.comment)
            to.comment = from.comment;
        if (from.hasReference) {
            to.hasReference = true;
            to.refTable = from.refTable;
            to.refKey = from.refKey;
            to.refModel = from.refModel;
            to.onDelete = from.onDelete;
            to.onUpdate = from.onUpdate;
        }
    };
    assign(a.foreignKey, s);
    assign(a.otherKey, t);
    j.refresh();
}

} // namespace mc::detail
