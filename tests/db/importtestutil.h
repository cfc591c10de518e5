#pragma once
// Helpers of tst_import: catalogs written by hand in the expectations' shape, the
// import -> save -> load -> derive round trip, SQLite files applied and read back,
// and a readable diff for failures.

#include "db/catalogimport.h"
#include "db/catalogjson.h"
#include "db/sqliteapplier.h"
#include "db/sqlitecatalog.h"
#include "ddl/catalog.h"
#include "io/jsonparser.h"
#include "io/schemareader.h"
#include "io/schemawriter.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

namespace importtest {

using namespace mc;

inline QString fixture(const QString &rel)
{
    return QStringLiteral(MC_FIXTURES) + QLatin1Char('/') + rel;
}

inline JsonValue parse(const QByteArray &utf8)
{
    JsonParseResult r = parseJson(utf8);
    if (!r.ok())
        qFatal("bad JSON in the test: %s", utf8.constData());
    return *r.value;
}

inline QJsonObject toQt(const JsonValue &v)
{
    return QJsonDocument::fromJson(v.toCompactJson().toUtf8()).object();
}

inline QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

/// One SQLite catalog column as the expectations spell it.
inline QString col(const QString &name, const QString &type, bool notNull = false, bool pk = false,
                   const QString &dflt = QString(), bool autoIncrement = false)
{
    return QStringLiteral(R"({"name": %1, "type": %2, "notNull": %3, "pk": %4, "default": %5, )"
                          R"("autoIncrement": %6})")
        .arg(jsonQuote(name), jsonQuote(type), boolText(notNull), boolText(pk),
             dflt.isNull() ? QStringLiteral("null") : jsonQuote(dflt), boolText(autoIncrement));
}

/// Sequelize's implicit id and timestamps on SQLite.
inline QString idCol()
{
    return col(QStringLiteral("id"), QStringLiteral("INTEGER"), false, true, QString(), true);
}
inline QString stampCols()
{
    return col(QStringLiteral("createdAt"), QStringLiteral("DATETIME"), true) +
           QStringLiteral(", ") +
           col(QStringLiteral("updatedAt"), QStringLiteral("DATETIME"), true);
}

inline QString fk(const QString &from, const QString &table,
                  const QString &onDelete = QStringLiteral("SET NULL"),
                  const QString &onUpdate = QStringLiteral("CASCADE"),
                  const QString &to = QStringLiteral("id"))
{
    return QStringLiteral(R"({"from": %1, "table": %2, "to": %3, "onDelete": %4, "onUpdate": %5})")
        .arg(jsonQuote(from), jsonQuote(table), jsonQuote(to), jsonQuote(onDelete),
             jsonQuote(onUpdate));
}

/// One table: columns, primary key, foreign keys, uniques, indexes (JSON fragments).
inline QString table(const QString &name, const QStringList &columns,
                     const QString &primaryKey = QStringLiteral(R"(["id"])"),
                     const QStringList &fks = {}, const QString &uniques = QStringLiteral("[]"),
                     const QString &extra = QString())
{
    return QStringLiteral(R"(%1: {"columns": [%2], "primaryKey": %3, "foreignKeys": [%4], )"
                          R"("uniques": %5, "indexes": []%6})")
        .arg(jsonQuote(name), columns.join(QStringLiteral(", ")), primaryKey,
             fks.join(QStringLiteral(", ")), uniques, extra);
}

inline JsonValue catalog(const QStringList &tables)
{
    return parse(
        (QLatin1Char('{') + tables.join(QStringLiteral(", ")) + QLatin1Char('}')).toUtf8());
}

/// import -> save -> load -> derive -> catalog: what applying the import gives.
struct RoundTrip
{
    ImportResult imported;
    std::optional<Schema> reloaded;
    QString problem; ///< empty when every step worked
    JsonValue tables;
};

inline RoundTrip roundTrip(const JsonValue &tables, Dialect dialect)
{
    RoundTrip r;
    r.imported = importCatalog(tables, dialect);
    if (!r.imported.schema) {
        r.problem = QStringLiteral("import failed");
        return r;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("imported.model.json"));
    QString error;
    if (!saveSchemaFile(*r.imported.schema, path, &error)) {
        r.problem = error;
        return r;
    }
    const LoadResult loaded = readSchemaFile(path);
    if (!loaded.schema) {
        QStringList lines;
        for (const Diagnostic &d : loaded.diagnostics)
            lines << d.toString();
        r.problem = QStringLiteral("reload: ") + lines.join(QStringLiteral("; "));
        return r;
    }
    r.reloaded = loaded.schema;
    const DerivedSchema derived = derive(*loaded.schema);
    if (derived.error) {
        r.problem = QStringLiteral("define error: ") + derived.error->message;
        return r;
    }
    r.tables = catalogTables(derived, dialect, analyse(derived).cyclic());
    return r;
}

/// A line per difference between two catalogs, table by table.
inline QString diff(const JsonValue &want, const JsonValue &got)
{
    Diagnostics ignored;
    const QVector<CatalogTable> w = parseCatalogTables(want, ignored);
    const QVector<CatalogTable> g = parseCatalogTables(got, ignored);
    QStringList lines;
    for (const CatalogTable &t : w) {
        const auto it = std::find_if(g.begin(), g.end(),
                                     [&](const CatalogTable &x) { return x.name == t.name; });
        if (it == g.end()) {
            lines << QStringLiteral("%1: missing").arg(t.name);
            continue;
        }
        for (const auto &d : catalogDifferences(t, *it))
            lines << QStringLiteral("%1.%2: %3").arg(t.name, d.first, d.second);
        if (toQt(catalogTableJson(t)) != toQt(catalogTableJson(*it)))
            lines << QStringLiteral("%1 want %2\n%1 got  %3")
                         .arg(t.name, catalogTableJson(t).toCompactJson(),
                              catalogTableJson(*it).toCompactJson());
    }
    for (const CatalogTable &t : g) {
        if (std::none_of(w.begin(), w.end(),
                         [&](const CatalogTable &x) { return x.name == t.name; }))
            lines << QStringLiteral("%1: extra table").arg(t.name);
    }
    return lines.join(QLatin1Char('\n'));
}

inline JsonValue readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return parse(f.readAll());
}

/// The conformance cases Sequelize could define (all but the define error).
inline QStringList caseNames()
{
    QStringList names;
    const QStringList files =
        QDir(fixture(QStringLiteral("cases"))).entryList({QStringLiteral("*.model.json")});
    for (const QString &f : files) {
        const QString name = f.chopped(int(qstrlen(".model.json")));
        const JsonValue expected = readJson(fixture(QStringLiteral("expected/%1.json").arg(name)));
        const JsonValue *error = expected.find(QStringLiteral("error"));
        if (!error || error->isNull())
            names << name;
    }
    return names;
}

/// readSqliteCatalog() on a connection of the test's own.
/// Runs \a statements on the SQLite file at \a path (created if missing); false, with
/// a warning naming the statement, when one fails.
inline bool sqliteRun(const QString &path, const QStringList &statements)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (ok && !q.exec(s)) {
                qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                ok = false;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

inline JsonValue readSqlite(const QString &path)
{
    const QString name = QUuid::createUuid().toString();
    JsonValue tables;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QString error;
        tables = readSqliteCatalog(db, &error);
        if (!error.isEmpty())
            qFatal("catalog: %s", qPrintable(error));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return tables;
}

/// Applies \a schema to a new SQLite file at \a path and reads its catalog back.
inline JsonValue applyAndRead(const Schema &schema, const QString &path)
{
    const DerivedSchema derived = derive(schema);
    const ApplyResult r = applySqlite(path, derived, analyse(derived));
    if (!r.ok)
        qFatal("apply failed: %s", qPrintable(r.error));
    return readSqlite(path);
}

inline const Association *findAssociation(const Schema &s, AssociationType type, const char *source,
                                          const char *target)
{
    for (const Association &a : s.associations) {
        if (a.type == type && a.source == QLatin1String(source) &&
            a.target == QLatin1String(target))
            return &a;
    }
    return nullptr;
}

/// Users and a Posts table whose UserId column is given.
inline JsonValue usersAndPosts(const QString &userIdColumn, const QString &foreignKey,
                               const QString &uniques = QStringLiteral("[]"))
{
    return catalog({table(QStringLiteral("Posts"),
                          {idCol(), col(QStringLiteral("title"), QStringLiteral("VARCHAR(255)")),
                           stampCols(), userIdColumn},
                          QStringLiteral(R"(["id"])"), {foreignKey}, uniques),
                    table(QStringLiteral("Users"),
                          {idCol(), col(QStringLiteral("name"), QStringLiteral("VARCHAR(255)")),
                           stampCols()})});
}

inline QString warnings(const ImportResult &r)
{
    QStringList lines;
    for (const Diagnostic &d : r.diagnostics)
        lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace importtest
