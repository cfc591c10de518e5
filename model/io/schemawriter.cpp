#include "schemawriter.h"

#include <QSaveFile>

#include <cmath>

namespace mc {

namespace {

QString L(const char *s)
{
    return QString::fromLatin1(s);
}

QString boolText(bool b)
{
    return b ? L("true") : L("false");
}

/// Builds a one-line JSON object: `{"a": 1, "b": "x"}`.
class Line
{
public:
    Line &add(const char *key, const QString &json) { return addKey(L(key), json); }
    Line &addKey(const QString &key, const QString &json)
    {
        m_text += (m_text.isEmpty() ? L("{") : L(", ")) + jsonQuote(key) + L(": ") + json;
        return *this;
    }
    template <typename T, typename F>
    Line &opt(const char *key, const std::optional<T> &v, F toJson)
    {
        return v ? add(key, toJson(*v)) : *this;
    }
    Line &optBool(const char *key, const std::optional<bool> &v) { return opt(key, v, boolText); }
    Line &optString(const char *key, const std::optional<QString> &v)
    {
        return opt(key, v, jsonQuote);
    }
    Line &extensions(const Extensions &ext)
    {
        for (const auto &[key, value] : ext)
            addKey(key, value.toCompactJson());
        return *this;
    }
    QString text() const { return m_text.isEmpty() ? L("{}") : m_text + L("}"); }

private:
    QString m_text;
};

QString timestampJson(const TimestampName &t)
{
    return t.disabled ? L("false") : jsonQuote(t.name);
}

bool isEmpty(const ModelOptions &o)
{
    return !o.underscored && !o.timestamps && !o.freezeTableName && !o.paranoid &&
           !o.createdAt.present && !o.updatedAt.present && !o.deletedAt.present &&
           o.extensions.empty();
}

QString optionsJson(const ModelOptions &o)
{
    Line line;
    line.optBool("underscored", o.underscored)
        .optBool("timestamps", o.timestamps)
        .optBool("freezeTableName", o.freezeTableName)
        .optBool("paranoid", o.paranoid);
    if (o.createdAt.present)
        line.add("createdAt", timestampJson(o.createdAt));
    if (o.updatedAt.present)
        line.add("updatedAt", timestampJson(o.updatedAt));
    if (o.deletedAt.present)
        line.add("deletedAt", timestampJson(o.deletedAt));
    return line.extensions(o.extensions).text();
}

QString attributeJson(const Attribute &a)
{
    Line line;
    if (a.hasName)
        line.add("name", jsonQuote(a.name));
    line.opt("type", a.type, [](const DataType &t) { return jsonQuote(t.toString()); })
        .optBool("allowNull", a.allowNull)
        .optBool("primaryKey", a.primaryKey)
        .optBool("autoIncrement", a.autoIncrement);
    if (a.unique.kind == UniqueSpec::Kind::Bool)
        line.add("unique", boolText(a.unique.flag));
    else if (a.unique.kind == UniqueSpec::Kind::Group)
        line.add("unique", jsonQuote(a.unique.group));
    line.opt("defaultValue", a.defaultValue, [](const JsonValue &v) { return v.toCompactJson(); })
        .optString("field", a.field)
        .optString("comment", a.comment);
    return line.extensions(a.extensions).text();
}

QString indexJson(const IndexSpec &index)
{
    QStringList fields;
    for (const QString &f : index.fields)
        fields.append(jsonQuote(f));
    Line line;
    line.add("fields", L("[") + fields.join(L(", ")) + L("]"))
        .optBool("unique", index.unique)
        .optString("name", index.name);
    return line.extensions(index.extensions).text();
}

QString numberJson(qreal v)
{
    return std::isfinite(v) ? JsonValue::number(double(v)).text() : L("0");
}

QString positionJson(const Model &m)
{
    const QPointF p = m.position.value_or(QPointF());
    Line line;
    line.add("x", numberJson(p.x())).add("y", numberJson(p.y()));
    return line.extensions(m.positionExtensions).text();
}

QString keySpecJson(const KeySpec &k)
{
    return k.kind == KeySpec::Kind::String ? jsonQuote(k.name) : attributeJson(*k.attribute);
}

QString associationJson(const Association &a)
{
    Line line;
    line.add("type", jsonQuote(associationTypeName(a.type)))
        .add("source", jsonQuote(a.source))
        .add("target", jsonQuote(a.target));
    if (a.as.kind == AliasSpec::Kind::String) {
        line.add("as", jsonQuote(a.as.name));
    } else if (a.as.kind == AliasSpec::Kind::Object) {
        Line as;
        as.add("singular", jsonQuote(a.as.singular)).add("plural", jsonQuote(a.as.plural));
        line.add("as", as.extensions(a.as.extensions).text());
    }
    line.optString("through", a.through);
    if (a.foreignKey.isSet())
        line.add("foreignKey", keySpecJson(a.foreignKey));
    line.optString("sourceKey", a.sourceKey).optString("targetKey", a.targetKey);
    if (a.otherKey.isSet())
        line.add("otherKey", keySpecJson(a.otherKey));
    line.optBool("constraints", a.constraints)
        .optBool("foreignKeyConstraint", a.foreignKeyConstraint)
        .optString("onDelete", a.onDelete)
        .optString("onUpdate", a.onUpdate);
    return line.extensions(a.extensions).text();
}

/// `"key": [` + one line per item + `]`, or `"key": []`.
QString arrayBlock(const QString &indent, const char *key, const QStringList &items)
{
    if (items.isEmpty())
        return indent + jsonQuote(L(key)) + L(": []");
    return indent + jsonQuote(L(key)) + L(": [\n") + items.join(L(",\n")) + L("\n") + indent +
           L("]");
}

QString modelBlock(const Model &m)
{
    const QString in = L("      ");
    QStringList lines;
    lines << in + L("\"name\": ") + jsonQuote(m.name);
    lines << in + L("\"tableName\": ") + (m.tableName ? jsonQuote(*m.tableName) : L("null"));
    if (m.hasOptions || !isEmpty(m.options))
        lines << in + L("\"options\": ") + optionsJson(m.options);
    QStringList attrs;
    for (const Attribute &a : m.attributes)
        attrs << in + L("  ") + attributeJson(a);
    lines << arrayBlock(in, "attributes", attrs);
    if (m.indexes) {
        QStringList indexes;
        for (const IndexSpec &i : *m.indexes)
            indexes << in + L("  ") + indexJson(i);
        lines << arrayBlock(in, "indexes", indexes);
    }
    lines << in + L("\"position\": ") + positionJson(m);
    for (const auto &[key, value] : m.extensions)
        lines << in + jsonQuote(key) + L(": ") + value.toCompactJson();
    return L("    {\n") + lines.join(L(",\n")) + L("\n    }");
}

} // namespace

QByteArray writeSchema(const Schema &schema)
{
    // Writers always spell out the three main options (file-format §2).
    ModelOptions options = schema.options;
    options.underscored = options.underscored.value_or(false);
    options.timestamps = options.timestamps.value_or(true);
    options.freezeTableName = options.freezeTableName.value_or(false);

    const QString in = L("  ");
    QStringList lines;
    lines << in + L("\"format\": \"modelcanvas/1\"");
    lines << in + L("\"options\": ") + optionsJson(options);
    QStringList models;
    for (const Model &m : schema.models)
        models << modelBlock(m);
    lines << arrayBlock(in, "models", models);
    QStringList associations;
    for (const Association &a : schema.associations)
        associations << in + in + associationJson(a);
    lines << arrayBlock(in, "associations", associations);
    if (schema.view)
        lines << in + L("\"view\": ") + schema.view->toCompactJson();
    if (schema.layout)
        lines << in + L("\"layout\": ") + schema.layout->toCompactJson();
    for (const auto &[key, value] : schema.extensions)
        lines << in + jsonQuote(key) + L(": ") + value.toCompactJson();
    return (L("{\n") + lines.join(L(",\n")) + L("\n}\n")).toUtf8();
}

bool saveSchemaFile(const Schema &schema, const QString &path, QString *error)
{
    QSaveFile file(path);
    const QByteArray data = writeSchema(schema);
    const bool ok =
        file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
    if (!ok && error)
        *error = QStringLiteral("cannot save \"%1\": %2").arg(path, file.errorString());
    return ok;
}

} // namespace mc
