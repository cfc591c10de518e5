#include "editcheck.h"

#include "io/schemareader.h"
#include "io/schemawriter.h"

#include <QRegularExpression>

namespace mc {

namespace {

/// Where each object of the small document sits in the real one.
struct IndexMap
{
    QVector<int> models;       ///< reduced index -> real index
    QVector<int> associations; ///< reduced index -> real index
};

/// `models[1]` and `associations[0]` of the small document, in a path or quoted in
/// a message ("first defined at models[0]"), become the real document's.
QString remapText(const QString &text, const IndexMap &map)
{
    static const QRegularExpression re(QStringLiteral("\\b(models|associations)\\[(\\d+)\\]"));
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const bool isModel = m.capturedView(1) == QLatin1String("models");
        const QVector<int> &indices = isModel ? map.models : map.associations;
        const int reduced = m.capturedView(2).toInt();
        out += text.mid(last, m.capturedStart() - last);
        out += m.captured(1) + QLatin1Char('[') + QString::number(indices.value(reduced, reduced)) +
               QLatin1Char(']');
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

/// Runs the loader on \a reduced and reports its errors in the real document's terms.
Diagnostics readReduced(const Schema &reduced, const IndexMap &map)
{
    const LoadResult result = readSchema(writeSchema(reduced));
    Diagnostics out;
    for (const Diagnostic &d : result.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            out.append(Diagnostic::error(remapText(d.path, map), remapText(d.message, map)));
    }
    return out;
}

/// A model that only carries a name: what the reader needs to resolve a reference.
Model stub(const QString &name)
{
    Model m;
    m.name = name;
    return m;
}

QStringList modelNames(const Schema &schema)
{
    QStringList names;
    names.reserve(schema.models.size());
    for (const Model &m : schema.models)
        names.append(m.name);
    return names;
}

} // namespace

Diagnostics checkModelEdit(const Schema &schema, int modelIndex, const Model &after)
{
    const int realIndex = modelIndex >= 0 ? modelIndex : int(schema.models.size());
    Schema reduced;
    IndexMap map;
    // Another model of that name goes first, so the reader reports the clash on
    // the edited model's name.
    const int clash = after.name.isEmpty() ? -1 : schema.modelIndex(after.name);
    if (clash >= 0 && clash != modelIndex) {
        reduced.models.append(stub(after.name));
        map.models.append(clash);
    }
    reduced.models.append(after);
    map.models.append(realIndex);
    return readReduced(reduced, map);
}

Diagnostics checkAssociationEdit(const Schema &schema, int associationIndex,
                                 const Association &after)
{
    Schema reduced;
    IndexMap map;
    QStringList names; // computed once, only when a name is unknown
    for (const QString &name : {after.source, after.target}) {
        if (name.isEmpty() || reduced.modelIndex(name) >= 0)
            continue;
        int index = schema.modelIndex(name);
        QString stubName = name;
        if (index < 0) {
            // Unknown: a stub of the nearest real name makes the reader's own "did
            // you mean" hint name it.
            if (names.isEmpty())
                names = modelNames(schema);
            stubName = suggestName(name, names);
            index = stubName.isEmpty() ? -1 : schema.modelIndex(stubName);
        }
        if (index >= 0 && reduced.modelIndex(stubName) < 0) {
            reduced.models.append(stub(stubName));
            map.models.append(index);
        }
    }
    reduced.associations.append(after);
    map.associations.append(associationIndex >= 0 ? associationIndex
                                                  : int(schema.associations.size()));
    return readReduced(reduced, map);
}

Diagnostics checkOptionsEdit(const ModelOptions &options)
{
    Schema reduced;
    reduced.options = options;
    reduced.hasOptions = true;
    return readReduced(reduced, IndexMap());
}

std::optional<DataType> parseTypeEdit(const QString &text, QString *error)
{
    // The raw text cannot travel through a DataType, so the small document is built
    // as JSON: one model, one attribute of that type.
    JsonValue attribute = JsonValue::object();
    attribute.appendMember(QStringLiteral("name"), JsonValue::string(QStringLiteral("a")));
    attribute.appendMember(QStringLiteral("type"), JsonValue::string(text));
    JsonValue attributes = JsonValue::array();
    attributes.append(std::move(attribute));
    JsonValue model = JsonValue::object();
    model.appendMember(QStringLiteral("name"), JsonValue::string(QStringLiteral("M")));
    model.appendMember(QStringLiteral("attributes"), std::move(attributes));
    JsonValue models = JsonValue::array();
    models.append(std::move(model));
    JsonValue document = JsonValue::object();
    document.appendMember(QStringLiteral("format"),
                          JsonValue::string(QStringLiteral("modelcanvas/1")));
    document.appendMember(QStringLiteral("models"), std::move(models));

    const LoadResult result = readSchemaJson(document);
    if (result.ok())
        return result.schema->models.value(0).attributes.value(0).type;
    if (error)
        *error = result.diagnostics.value(0).message;
    return std::nullopt;
}

} // namespace mc
