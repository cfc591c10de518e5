#include "schemareader.h"

#include "jsonparser.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <cstring>
#include <iterator>

namespace mc {

namespace {

using Kind = JsonValue::Kind;

/// Latin-1 view of a key or message literal: compares with QString without allocating.
using L = QLatin1String;

/// A JSON path for diagnostics (`models[1].attributes[0].type`), built only when a
/// message needs it: a parent path plus one key or index. Paths live on the stack of
/// the reading functions, so the parent outlives every child.
class Path
{
public:
    Path() = default; ///< the document root
    Path(const Path &parent, QStringView key) : m_parent(&parent), m_key(key) {}
    Path(const Path &parent, int index) : m_parent(&parent), m_index(index) {}

    QString toString() const
    {
        if (!m_parent)
            return QString();
        const QString parent = m_parent->toString();
        return m_index >= 0 ? jsonPathIndex(parent, m_index)
                            : jsonPathKey(parent, m_key.toString());
    }

private:
    const Path *m_parent = nullptr;
    QStringView m_key;
    int m_index = -1;
};

/// key == name, inline: every member's key is tried against the names its object
/// knows, and most tries fail on the length alone. \a name is ASCII.
inline bool is(const QString &key, const char *name)
{
    const qsizetype n = qsizetype(std::strlen(name)); // a constant once inlined
    if (key.size() != n)
        return false;
    const QChar *k = key.constData();
    for (qsizetype i = 0; i < n; ++i) {
        if (k[i].unicode() != char16_t(name[i]))
            return false;
    }
    return true;
}

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

/// Validates one parsed document against file-format §10, collecting every problem.
class Reader
{
public:
    LoadResult read(const JsonValue &doc);

private:
    void error(const Path &path, const QString &message)
    {
        m_diags.append(Diagnostic::error(path.toString(), message));
    }
    void typeError(const Path &path, const QString &expected, const JsonValue &got)
    {
        error(path, QStringLiteral("expected %1, got %2").arg(expected, got.describe()));
    }
    bool isKind(const JsonValue &v, Kind k, const Path &path, const char *expected)
    {
        if (v.kind() != k)
            typeError(path, L(expected), v);
        return v.kind() == k;
    }
    template <typename Handler>
    void members(const JsonValue &obj, const Path &path, Extensions &ext, Handler handle);
    void requireKeys(const JsonValue &obj, const Path &path,
                     std::initializer_list<const char *> keys);
    std::optional<bool> readBool(const JsonValue &v, const Path &path);
    std::optional<QString> readName(const JsonValue &v, const Path &path);
    std::optional<double> readFinite(const JsonValue &v, const Path &path);

    void readOptions(const JsonValue &v, const Path &path, ModelOptions &o);
    void readModels(const JsonValue &v, const Path &path, QVector<Model> &models);
    void readModel(const JsonValue &v, const Path &path, Model &m);
    void readAttributes(const JsonValue &v, const Path &path, QVector<Attribute> &attrs);
    void readAttribute(const JsonValue &v, const Path &path, Attribute &a, bool inKeySpec);
    void readIndex(const JsonValue &v, const Path &path, IndexSpec &index);
    void readPosition(const JsonValue &v, const Path &path, Model &m);
    void readAssociation(const JsonValue &v, const Path &path, Association &a);
    void readAlias(const JsonValue &v, const Path &path, AliasSpec &as,
                   std::optional<AssociationType> type);
    void readKeySpec(const JsonValue &v, const Path &path, KeySpec &k);
    QString readModelRef(const JsonValue &v, const Path &path);
    std::optional<QString> readAction(const JsonValue &v, const Path &path);

    /// DataType::parse() of a type string, or why it failed.
    struct ParsedType
    {
        std::optional<DataType> type;
        QString message;
    };
    /// Type strings repeat (`STRING`, `INTEGER`): each is parsed once, and its
    /// DataType shared by every attribute that spells it.
    const ParsedType &parseType(const QString &text)
    {
        auto it = m_types.find(text);
        if (it == m_types.end()) {
            ParsedType parsed;
            parsed.type = DataType::parse(text, &parsed.message);
            it = m_types.insert(text, parsed);
        }
        return *it;
    }

    Diagnostics m_diags;
    QHash<QString, ParsedType> m_types;
    QStringList m_modelNames;         ///< unique model names, in order
    QHash<QString, int> m_modelIndex; ///< index of each name's first definition
    bool m_modelsKnown = false;
};

/// Calls handle(key, value, path) for each member except `x-` keys, which go to
/// \a ext; a key that handle() does not know (returns false) is reported.
template <typename Handler>
void Reader::members(const JsonValue &obj, const Path &path, Extensions &ext, Handler handle)
{
    for (size_t i = 0; i < obj.keys().size(); ++i) {
        const QString &key = obj.keys()[i];
        const Path p(path, key);
        if (key.size() >= 2 && key[0] == u'x' && key[1] == u'-')
            ext.emplace_back(key, obj.items()[i]);
        else if (!handle(key, obj.items()[i], p))
            error(p, QStringLiteral("unknown key %1").arg(jsonQuote(key)));
    }
}

void Reader::requireKeys(const JsonValue &obj, const Path &path,
                         std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const auto &present = obj.keys();
        if (std::none_of(present.begin(), present.end(),
                         [k](const QString &key) { return is(key, k); }))
            error(path, QStringLiteral("missing required key \"%1\"").arg(L(k)));
    }
}

std::optional<bool> Reader::readBool(const JsonValue &v, const Path &path)
{
    if (!isKind(v, Kind::Bool, path, "a boolean"))
        return std::nullopt;
    return v.toBool();
}

std::optional<QString> Reader::readName(const JsonValue &v, const Path &path)
{
    if (!v.isString() || v.text().isEmpty()) {
        typeError(path, L("a non-empty string"), v);
        return std::nullopt;
    }
    return v.text();
}

std::optional<double> Reader::readFinite(const JsonValue &v, const Path &path)
{
    if (!isKind(v, Kind::Number, path, "a number"))
        return std::nullopt;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok) {
        typeError(path, L("a finite number"), v);
        return std::nullopt;
    }
    return d;
}

LoadResult Reader::read(const JsonValue &doc)
{
    LoadResult result;
    const Path root;
    const Path formatPath(root, u"format");
    // A missing or different format makes every other message meaningless.
    const JsonValue *format = doc.find(QStringLiteral("format"));
    if (!doc.isObject())
        error(
            root,
            QStringLiteral("expected a JSON object at the top level, got %1").arg(doc.describe()));
    else if (!format)
        error(root, L("missing required key \"format\" (expected \"modelcanvas/1\")"));
    else if (!format->isString())
        typeError(formatPath, L("the string \"modelcanvas/1\""), *format);
    else if (format->text() != L("modelcanvas/1"))
        error(formatPath, QStringLiteral("unsupported format %1").arg(jsonQuote(format->text())));
    if (!m_diags.isEmpty()) {
        result.diagnostics = m_diags;
        return result;
    }
    Schema s;
    const JsonValue *associations = nullptr;
    members(doc, root, s.extensions, [&](const QString &key, const JsonValue &v, const Path &p) {
        if (is(key, "options")) {
            s.hasOptions = true;
            readOptions(v, p, s.options);
        } else if (is(key, "models")) {
            readModels(v, p, s.models);
        } else if (is(key, "associations")) {
            associations = &v; // read once every model name is known
        } else if (is(key, "view") || is(key, "layout")) {
            if (isKind(v, Kind::Object, p, "an object"))
                (is(key, "view") ? s.view : s.layout) = v;
        } else {
            return is(key, "format");
        }
        return true;
    });
    requireKeys(doc, root, {"models"});
    const Path associationsPath(root, u"associations");
    if (associations && isKind(*associations, Kind::Array, associationsPath, "an array")) {
        s.associations.reserve(associations->size());
        for (int i = 0; i < associations->size(); ++i) {
            Association a;
            readAssociation(associations->items()[size_t(i)], Path(associationsPath, i), a);
            s.associations.append(std::move(a));
        }
    }
    result.diagnostics = m_diags;
    if (!hasErrors(m_diags))
        result.schema = std::move(s);
    return result;
}

void Reader::readOptions(const JsonValue &v, const Path &path, ModelOptions &o)
{
    if (!isKind(v, Kind::Object, path, "an object"))
        return;
    members(v, path, o.extensions, [&](const QString &key, const JsonValue &x, const Path &p) {
        if (is(key, "underscored"))
            o.underscored = readBool(x, p);
        else if (is(key, "timestamps"))
            o.timestamps = readBool(x, p);
        else if (is(key, "freezeTableName"))
            o.freezeTableName = readBool(x, p);
        else if (is(key, "paranoid"))
            o.paranoid = readBool(x, p);
        else if (!is(key, "createdAt") && !is(key, "updatedAt") && !is(key, "deletedAt"))
            return false;
        else {
            TimestampName &t = is(key, "createdAt")   ? o.createdAt
                               : is(key, "updatedAt") ? o.updatedAt
                                                      : o.deletedAt;
            t.present = true;
            if (x.isBool() && !x.toBool())
                t.disabled = true;
            else if (x.isString() && !x.text().isEmpty())
                t.name = x.text();
            else
                typeError(p, L("a non-empty string or false"), x);
        }
        return true;
    });
}

void Reader::readModels(const JsonValue &v, const Path &path, QVector<Model> &models)
{
    if (!isKind(v, Kind::Array, path, "an array"))
        return;
    models.reserve(models.size() + v.size());
    m_modelIndex.reserve(v.size());
    for (int i = 0; i < v.size(); ++i) {
        const Path p(path, i);
        Model m;
        readModel(v.items()[size_t(i)], p, m);
        if (!m.name.isEmpty()) {
            const auto it = m_modelIndex.constFind(m.name);
            if (it != m_modelIndex.constEnd()) {
                error(Path(p, u"name"),
                      QStringLiteral("duplicate model name '%1' (first defined at %2)")
                          .arg(m.name, Path(path, it.value()).toString()));
            } else {
                m_modelIndex.insert(m.name, i);
                m_modelNames.append(m.name);
            }
        }
        models.append(std::move(m));
    }
    m_modelsKnown = true;
}

void Reader::readModel(const JsonValue &v, const Path &path, Model &m)
{
    if (!isKind(v, Kind::Object, path, "an object"))
        return;
    m.tableNameWritten = false;
    members(v, path, m.extensions, [&](const QString &key, const JsonValue &x, const Path &p) {
        if (is(key, "name")) {
            m.name = readName(x, p).value_or(QString());
        } else if (is(key, "tableName")) {
            m.tableNameWritten = true;
            if (x.isString())
                m.tableName = x.text();
            else if (!x.isNull())
                typeError(p, L("a string or null"), x);
        } else if (is(key, "options")) {
            m.hasOptions = true;
            readOptions(x, p, m.options);
        } else if (is(key, "attributes")) {
            readAttributes(x, p, m.attributes);
        } else if (is(key, "indexes")) {
            m.indexes.emplace();
            if (isKind(x, Kind::Array, p, "an array")) {
                for (int i = 0; i < x.size(); ++i) {
                    m.indexes->append(IndexSpec());
                    readIndex(x.items()[size_t(i)], Path(p, i), m.indexes->back());
                }
            }
        } else if (is(key, "position")) {
            readPosition(x, p, m);
        } else {
            return false;
        }
        return true;
    });
    requireKeys(v, path, {"name", "attributes"});
}

void Reader::readAttributes(const JsonValue &v, const Path &path, QVector<Attribute> &attrs)
{
    if (!isKind(v, Kind::Array, path, "an array"))
        return;
    // Attribute lists are short: scanning the earlier names is cheaper than a hash,
    // which is only built for long lists.
    constexpr int kLinearLimit = 16;
    QHash<QString, int> firstIndex;
    const qsizetype base = attrs.size();
    attrs.reserve(base + v.size());
    for (int i = 0; i < v.size(); ++i) {
        const Path p(path, i);
        Attribute a;
        readAttribute(v.items()[size_t(i)], p, a, false);
        if (!a.name.isEmpty()) {
            int first = -1;
            if (v.size() <= kLinearLimit) {
                for (int k = 0; k < i && first < 0; ++k)
                    first = attrs[base + k].name == a.name ? k : -1;
            } else {
                first = firstIndex.value(a.name, -1);
                if (first < 0)
                    firstIndex.insert(a.name, i);
            }
            if (first >= 0)
                error(Path(p, u"name"),
                      QStringLiteral("duplicate attribute name '%1' (first defined at %2)")
                          .arg(a.name, Path(path, first).toString()));
        }
        attrs.append(std::move(a));
    }
}

void Reader::readAttribute(const JsonValue &v, const Path &path, Attribute &a, bool inKeySpec)
{
    if (!isKind(v, Kind::Object, path, "an object"))
        return;
    a.hasName = false;
    members(v, path, a.extensions, [&](const QString &key, const JsonValue &x, const Path &p) {
        if (is(key, "name")) {
            a.hasName = true;
            a.name = readName(x, p).value_or(QString());
        } else if (is(key, "type")) {
            if (isKind(x, Kind::String, p, "a type string")) {
                const ParsedType &parsed = parseType(x.text());
                a.type = parsed.type;
                if (!a.type)
                    error(p, parsed.message);
            }
        } else if (is(key, "allowNull")) {
            a.allowNull = readBool(x, p);
        } else if (is(key, "primaryKey")) {
            a.primaryKey = readBool(x, p);
        } else if (is(key, "autoIncrement")) {
            a.autoIncrement = readBool(x, p);
        } else if (is(key, "unique")) {
            if (x.isBool())
                a.unique = {UniqueSpec::Kind::Bool, x.toBool(), QString()};
            else if (x.isString() && !x.text().isEmpty())
                a.unique = {UniqueSpec::Kind::Group, false, x.text()};
            else
                typeError(p, L("true, false or a non-empty group name"), x);
        } else if (is(key, "defaultValue")) {
            if (x.isString() || x.isBool() || (x.isNumber() && readFinite(x, p)))
                a.defaultValue = x;
            else if (!x.isNumber())
                typeError(p, L("a string, number or boolean"), x);
        } else if (is(key, "field")) {
            a.field = readName(x, p);
        } else if (is(key, "comment")) {
            if (isKind(x, Kind::String, p, "a string"))
                a.comment = x.text();
        } else {
            return false;
        }
        return true;
    });
    if (!inKeySpec)
        requireKeys(v, path, {"name", "type"});
}

void Reader::readIndex(const JsonValue &v, const Path &path, IndexSpec &index)
{
    if (!isKind(v, Kind::Object, path, "an object"))
        return;
    members(v, path, index.extensions, [&](const QString &key, const JsonValue &x, const Path &p) {
        if (is(key, "fields")) {
            if (!x.isArray() || x.size() == 0)
                typeError(p, L("a non-empty array of attribute names"), x);
            for (int f = 0; x.isArray() && f < x.size(); ++f)
                index.fields.append(readName(x.items()[size_t(f)], Path(p, f)).value_or(QString()));
        } else if (is(key, "unique")) {
            index.unique = readBool(x, p);
        } else if (is(key, "name")) {
            index.name = readName(x, p);
        } else {
            return false;
        }
        return true;
    });
    requireKeys(v, path, {"fields"});
}

void Reader::readPosition(const JsonValue &v, const Path &path, Model &m)
{
    if (!isKind(v, Kind::Object, path, "an object {\"x\": number, \"y\": number}"))
        return;
    QPointF pos;
    members(v, path, m.positionExtensions,
            [&](const QString &key, const JsonValue &x, const Path &p) {
                if (is(key, "x"))
                    pos.setX(readFinite(x, p).value_or(0.0));
                else if (is(key, "y"))
                    pos.setY(readFinite(x, p).value_or(0.0));
                return is(key, "x") || is(key, "y");
            });
    requireKeys(v, path, {"x", "y"});
    m.position = pos;
}

void Reader::readAssociation(const JsonValue &v, const Path &path, Association &a)
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

void Reader::readAlias(const JsonValue &v, const Path &path, AliasSpec &as,
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

void Reader::readKeySpec(const JsonValue &v, const Path &path, KeySpec &k)
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

QString Reader::readModelRef(const JsonValue &v, const Path &path)
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

std::optional<QString> Reader::readAction(const JsonValue &v, const Path &path)
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

} // namespace

LoadResult readSchemaJson(const JsonValue &document)
{
    return Reader().read(document);
}

LoadResult readSchema(const QByteArray &utf8)
{
    const JsonParseResult parsed = parseJson(utf8);
    if (parsed.value)
        return readSchemaJson(*parsed.value);
    LoadResult result;
    if (parsed.errorKind == JsonParseResult::Error::DuplicateKey)
        result.diagnostics.append(Diagnostic::error(parsed.path, parsed.message));
    else if (parsed.errorKind == JsonParseResult::Error::Syntax && utf8.trimmed().isEmpty())
        result.diagnostics.append(Diagnostic::error(QString(), L("the file is empty")));
    else
        result.diagnostics.append(Diagnostic::error(QString(), parsed.error));
    return result;
}

LoadResult readSchemaFile(const QString &path)
{
    LoadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.diagnostics.append(Diagnostic::error(
            QString(), QStringLiteral("cannot read \"%1\": %2").arg(path, file.errorString())));
        return result;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.diagnostics.append(Diagnostic::error(
            QString(), QStringLiteral("cannot read \"%1\": %2").arg(path, file.errorString())));
        return result;
    }
    return readSchema(data);
}

} // namespace mc
