#include "schemareader_p.h"

#include "jsonparser.h"

#include <QFile>

#include <iterator>

// Reading a modelcanvas/1 document: the top level, options, models, attributes,
// indexes and positions (associations: associationreader.cpp). Every problem is
// collected with its JSON path; nothing stops at the first.

namespace mc {

namespace reader {

void SchemaReader::requireKeys(const JsonValue &obj, const Path &path,
                               std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const auto &present = obj.keys();
        if (std::none_of(present.begin(), present.end(),
                         [k](const QString &key) { return is(key, k); }))
            error(path, QStringLiteral("missing required key \"%1\"").arg(L(k)));
    }
}

std::optional<bool> SchemaReader::readBool(const JsonValue &v, const Path &path)
{
    if (!isKind(v, Kind::Bool, path, "a boolean"))
        return std::nullopt;
    return v.toBool();
}

std::optional<QString> SchemaReader::readName(const JsonValue &v, const Path &path)
{
    if (!v.isString() || v.text().isEmpty()) {
        typeError(path, L("a non-empty string"), v);
        return std::nullopt;
    }
    return v.text();
}

std::optional<double> SchemaReader::readFinite(const JsonValue &v, const Path &path)
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

LoadResult SchemaReader::read(const JsonValue &doc)
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

void SchemaReader::readOptions(const JsonValue &v, const Path &path, ModelOptions &o)
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

void SchemaReader::readModels(const JsonValue &v, const Path &path, QVector<Model> &models)
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

void SchemaReader::readModel(const JsonValue &v, const Path &path, Model &m)
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

void SchemaReader::readAttributes(const JsonValue &v, const Path &path, QVector<Attribute> &attrs)
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

void SchemaReader::readAttribute(const JsonValue &v, const Path &path, Attribute &a, bool inKeySpec)
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

void SchemaReader::readIndex(const JsonValue &v, const Path &path, IndexSpec &index)
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

void SchemaReader::readPosition(const JsonValue &v, const Path &path, Model &m)
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

} // namespace reader

LoadResult readSchemaJson(const JsonValue &document)
{
    return reader::SchemaReader().read(document);
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
        result.diagnostics.append(Diagnostic::error(QString(), QLatin1String("the file is empty")));
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
