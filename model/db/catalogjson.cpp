#include "catalogjson.h"

namespace mc {

namespace {

QStringList stringList(const JsonValue *v)
{
    QStringList out;
    if (v && v->isArray()) {
        for (const JsonValue &x : v->items())
            out << x.text();
    }
    return out;
}

QVector<QStringList> listOfLists(const JsonValue *v)
{
    QVector<QStringList> out;
    if (v && v->isArray()) {
        for (const JsonValue &x : v->items())
            out << stringList(&x);
    }
    return out;
}

bool flag(const JsonValue &o, const char *key)
{
    const JsonValue *v = o.find(QLatin1String(key));
    return v && v->isBool() && v->toBool();
}

QString text(const JsonValue &o, const char *key)
{
    const JsonValue *v = o.find(QLatin1String(key));
    return v && v->isString() ? v->text() : QString();
}

} // namespace

QVector<CatalogTable> parseCatalogTables(const JsonValue &tables, Diagnostics &diagnostics)
{
    QVector<CatalogTable> out;
    if (!tables.isObject()) {
        diagnostics << Diagnostic::error(QStringLiteral("tables"),
                                         QStringLiteral("expected an object of tables by name, "
                                                        "got %1")
                                             .arg(tables.describe()));
        return out;
    }
    for (int i = 0; i < tables.size(); ++i) {
        const JsonValue &t = tables.items()[size_t(i)];
        CatalogTable table;
        table.name = tables.keys()[size_t(i)];
        const QString path = jsonPathKey(QStringLiteral("tables"), table.name);
        const JsonValue *columns = t.find(QStringLiteral("columns"));
        if (!t.isObject() || !columns || !columns->isArray()) {
            diagnostics << Diagnostic::error(path, QStringLiteral("expected an object with a "
                                                                  "\"columns\" array"));
            continue;
        }
        for (const JsonValue &c : columns->items()) {
            CatalogColumn col;
            col.name = text(c, "name");
            col.type = text(c, "type");
            col.notNull = flag(c, "notNull");
            col.pk = flag(c, "pk");
            col.defaultValue = text(c, "default");
            col.autoIncrement = flag(c, "autoIncrement");
            table.columns << col;
        }
        table.primaryKey = stringList(t.find(QStringLiteral("primaryKey")));
        if (const JsonValue *fks = t.find(QStringLiteral("foreignKeys")); fks && fks->isArray()) {
            for (const JsonValue &k : fks->items())
                table.foreignKeys.append({text(k, "from"), text(k, "table"), text(k, "to"),
                                          text(k, "onDelete"), text(k, "onUpdate")});
        }
        table.uniques = listOfLists(t.find(QStringLiteral("uniques")));
        table.indexes = listOfLists(t.find(QStringLiteral("indexes")));
        const JsonValue *collations = t.find(QStringLiteral("collations"));
        table.mysql = t.find(QStringLiteral("fkIndexes")) != nullptr;
        table.fkIndexes = listOfLists(t.find(QStringLiteral("fkIndexes")));
        table.checks = stringList(t.find(QStringLiteral("checks")));
        if (collations && collations->isObject()) {
            for (int k = 0; k < collations->size(); ++k)
                table.collations.append(
                    {collations->keys()[size_t(k)], collations->items()[size_t(k)].text()});
        }
        out << table;
    }
    return out;
}

QString collationOf(const CatalogTable &table, const QString &column)
{
    for (const auto &c : table.collations) {
        if (c.first == column)
            return c.second;
    }
    return QString();
}

} // namespace mc
