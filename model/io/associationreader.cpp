#include "schemareader_p.h"

#include <iterator>

// Reading `associations[]`: the type, the model references (with a suggestion for
// a misspelt name), `as`, the key specs and the referential actions, and which keys
// have no effect on which association type.

namespace mc::reader {

namespace {

/// Keys of file-format §6 that Sequelize ignores for some association types.
bool keyApplies(const QString &key, AssociationType t)
{
    const bool btm = t == AssociationType::BelongsToMany;
    if (is(key, "sourceKey"))
        return t != AssociationType::BelongsTo;
    if (is(key, "targetKey"))
        return t == AssociationType::BelongsTo || btm;
    if (is(key, "otherKey") || is(key, "through"))
        return btm;
    if (is(key, "foreignKeyConstraint"))
        return !btm;
    return true;
}

} // namespace

void SchemaReader::readAssociation(const JsonValue &v, const Path &path, Association &a)
{
    if (!isKind(v, Kind::Object, path, "an object"))
        return;
    std::optional<AssociationType> type;
    const JsonValue *t = v.find(QStringLiteral("type"));
    const Path typePath(path, u"type");
    if (t && isKind(*t, Kind::String, typePath, "a string")) {
        type = associationTypeFromName(t->text());
        static const QStringList names{L("belongsTo"), L("hasOne"), L("hasMany"),
                                       L("belongsToMany")};
        const QString hint = type ? QString() : suggestName(t->text(), names);
        if (!type)
            error(typePath,
                  QStringLiteral("unknown association type %1 (%2)")
                      .arg(jsonQuote(t->text()),
                           hint.isEmpty() ? L("expected belongsTo, hasOne, hasMany or "
                                              "belongsToMany")
                                          : QStringLiteral("did you mean \"%1\"?").arg(hint)));
        a.type = type.value_or(AssociationType::BelongsTo);
    }
    static const char *const known[] = {
        "type",      "source",   "target",  "as",          "foreignKey",           "sourceKey",
        "targetKey", "otherKey", "through", "constraints", "foreignKeyConstraint", "onDelete",
        "onUpdate"};
    members(v, path, a.extensions, [&](const QString &key, const JsonValue &x, const Path &p) {
        if (std::none_of(std::begin(known), std::end(known),
                         [&key](const char *k) { return is(key, k); }))
            return false;
        if (type && !keyApplies(key, *type))
            error(p, QStringLiteral("key \"%1\" has no effect on %2")
                         .arg(key, associationTypeName(*type)));
        else if (is(key, "source"))
            a.source = readModelRef(x, p);
        else if (is(key, "target"))
            a.target = readModelRef(x, p);
        else if (is(key, "as"))
            readAlias(x, p, a.as, type);
        else if (is(key, "foreignKey") || is(key, "otherKey"))
            readKeySpec(x, p, is(key, "foreignKey") ? a.foreignKey : a.otherKey);
        else if (is(key, "sourceKey") || is(key, "targetKey") || is(key, "through"))
            (is(key, "sourceKey")   ? a.sourceKey
             : is(key, "targetKey") ? a.targetKey
                                    : a.through) = readName(x, p);
        else if (is(key, "constraints"))
            a.constraints = readBool(x, p);
        else if (is(key, "foreignKeyConstraint"))
            a.foreignKeyConstraint = readBool(x, p);
        else if (is(key, "onDelete") || is(key, "onUpdate"))
            (is(key, "onDelete") ? a.onDelete : a.onUpdate) = readAction(x, p);
        return true;
    });
    requireKeys(v, path, {"type", "source", "target"});
}

void SchemaReader::readAlias(const JsonValue &v, const Path &path, AliasSpec &as,
                             std::optional<AssociationType> type)
{
    if (v.isString() && !v.text().isEmpty()) {
        as.kind = AliasSpec::Kind::String;
        as.name = v.text();
    } else if (v.isObject() && type &&
               (*type == AssociationType::BelongsTo || *type == AssociationType::HasOne)) {
        error(path, QStringLiteral("an object \"as\" has no effect on %1 (use a string)")
                        .arg(associationTypeName(*type)));
    } else if (v.isObject()) {
        as.kind = AliasSpec::Kind::Object;
        members(v, path, as.extensions, [&](const QString &key, const JsonValue &x, const Path &p) {
            if (is(key, "singular"))
                as.singular = readName(x, p).value_or(QString());
            else if (is(key, "plural"))
                as.plural = readName(x, p).value_or(QString());
            return is(key, "singular") || is(key, "plural");
        });
        requireKeys(v, path, {"singular", "plural"});
    } else {
        typeError(path, L("a non-empty string or an object {\"singular\", \"plural\"}"), v);
    }
}

void SchemaReader::readKeySpec(const JsonValue &v, const Path &path, KeySpec &k)
{
    if (v.isString() && !v.text().isEmpty()) {
        k.kind = KeySpec::Kind::String;
        k.name = v.text();
    } else if (v.isObject()) {
        k.kind = KeySpec::Kind::Object;
        readAttribute(v, path, k.attribute.edit(), true);
    } else {
        typeError(path, L("a non-empty string or an attribute object"), v);
    }
}

QString SchemaReader::readModelRef(const JsonValue &v, const Path &path)
{
    const QString name = readName(v, path).value_or(QString());
    if (name.isEmpty() || !m_modelsKnown || m_modelIndex.contains(name))
        return name;
    const QString hint = suggestName(name, m_modelNames);
    error(path, QStringLiteral("no model named '%1'%2")
                    .arg(name, hint.isEmpty() ? QString()
                                              : QStringLiteral(" (did you mean '%1'?)").arg(hint)));
    return name;
}

std::optional<QString> SchemaReader::readAction(const JsonValue &v, const Path &path)
{
    if (!isKind(v, Kind::String, path, "a string"))
        return std::nullopt;
    for (const char *action : {"CASCADE", "SET NULL", "RESTRICT", "NO ACTION", "SET DEFAULT"}) {
        if (v.text().toUpper() == L(action))
            return v.text(); // kept as written; the engine upper-cases
    }
    error(path, QStringLiteral("unknown referential action %1 (expected CASCADE, SET NULL, "
                               "RESTRICT, NO ACTION or SET DEFAULT)")
                    .arg(jsonQuote(v.text())));
    return std::nullopt;
}

} // namespace mc::reader
