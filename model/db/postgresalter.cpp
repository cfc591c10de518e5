#include "postgresalter.h"

#include "db/livecatalog.h"
#include "db/postgresapplier.h"
#include "db/postgrescatalog.h"
#include "ddl/catalog.h"
#include "ddl/defaultliteral.h"
#include "ddl/postgresddldialect.h"
#include "ddl/sqlliteral.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace mc {

namespace {

/// The name a re-created ENUM type has until the old one is dropped.
const QString kRelabelType = QStringLiteral("modelcanvas_relabeled_enum");

const QString kRels = QStringLiteral("SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n "
                                     "ON n.oid = c.relnamespace WHERE n.nspname = "
                                     "current_schema() AND c.relkind IN ('r', 'p')");

QString q(const QString &name)
{
    return quoteIdentifier(name, Dialect::Postgres);
}

/// A catalog column's type name as pg_type spells it.
QString typeName(const QJsonValue &column)
{
    return unquotedPostgresType(column[QStringLiteral("type")].toString());
}

AlterStep step(const QString &sql)
{
    return AlterStep{sql, QString(), {}, QString(), QString()};
}

QStringList jsonNames(const QVariant &v)
{
    QStringList out;
    for (const QJsonValue &s : QJsonDocument::fromJson(v.toString().toUtf8()).array())
        out << s.toString();
    return out;
}

/// Foreign keys and unique constraints (pg_constraint), then the indexes no
/// constraint owns (model indexes), each with its columns in key order.
bool readObjects(QSqlDatabase &db, LiveSchema &live, QString &error)
{
    QSqlQuery r(db);
    const QString constraints =
        QStringLiteral("SELECT t.relname::text, con.conname::text, con.contype::text, "
                       "(SELECT json_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) "
                       "WITH ORDINALITY AS k(col, ord) JOIN pg_attribute a ON a.attrelid = "
                       "con.conrelid AND a.attnum = k.col)::text FROM pg_constraint con JOIN "
                       "(%1) t ON con.conrelid = t.oid WHERE con.contype IN ('f', 'u') "
                       "ORDER BY t.relname, con.conname")
            .arg(kRels);
    if (!execOrExplain(r, constraints, error))
        return false;
    while (r.next()) {
        const auto it = live.find(r.value(0).toString());
        if (it == live.end())
            continue;
        LiveObject o;
        o.kind = r.value(2).toString() == QLatin1String("f") ? LiveObject::ForeignKey
                                                             : LiveObject::UniqueConstraint;
        o.name = r.value(1).toString();
        o.columns = jsonNames(r.value(3));
        it->objects << o;
    }
    const QString indexes =
        QStringLiteral("SELECT t.relname::text, ic.relname::text, i.indisunique, "
                       "(SELECT json_agg(coalesce(a.attname::text, '<expr>') ORDER BY k.ord) "
                       "FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(col, ord) LEFT JOIN "
                       "pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.col AND "
                       "k.col > 0)::text FROM pg_index i JOIN (%1) t ON i.indrelid = t.oid "
                       "JOIN pg_class ic ON ic.oid = i.indexrelid WHERE NOT i.indisprimary AND "
                       "NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
                       "i.indexrelid AND c.contype IN ('p', 'u', 'x')) ORDER BY ic.relname")
            .arg(kRels);
    if (!execOrExplain(r, indexes, error))
        return false;
    while (r.next()) {
        const auto it = live.find(r.value(0).toString());
        if (it == live.end())
            continue;
        LiveObject o;
        o.name = r.value(1).toString();
        o.unique = r.value(2).toBool();
        o.columns = jsonNames(r.value(3));
        it->objects << o;
    }
    return true;
}

/// How PostgreSQL spells each alter statement (changeColumnQuery's pieces, one per
/// statement), with Sequelize's own generator for tables, indexes and foreign keys.
class PostgresAlterWriter : public AlterWriter
{
public:
    Dialect dialect() const override { return Dialect::Postgres; }

    QVector<AlterStep> createTable(const DerivedTable &t, bool withForeignKeys) const override
    {
        QVector<AlterStep> out;
        for (const QString &s : m_ddl.createTable(t, withForeignKeys))
            out << step(s);
        for (const DerivedIndex &ix : t.indexes)
            out << step(m_ddl.addIndex(t, ix));
        return out;
    }

    QVector<AlterStep> dropTables(const QStringList &tables, const LiveSchema &live) const override
    {
        QVector<AlterStep> out;
        for (const QString &t : tables) {
            out << step(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE;").arg(q(t)));
            // queryInterface.dropTable() drops the table's ENUM types too: otherwise the
            // re-create's `CREATE TYPE ... EXCEPTION WHEN duplicate_object` keeps old values.
            const QString prefix = postgresEnumTypeName(t, QString());
            for (const QJsonValue &c : live.value(t).catalog[QStringLiteral("columns")].toArray()) {
                const QString type = typeName(c);
                if (type.startsWith(prefix))
                    out << step(QStringLiteral("DROP TYPE IF EXISTS %1.%2;")
                                    .arg(q(QStringLiteral("public")), q(type)));
            }
        }
        return out;
    }

    QVector<AlterStep> addColumn(const DerivedTable &t, const DerivedColumn &c,
                                 const LiveTable &) const override
    {
        QVector<AlterStep> out;
        if (c.type.isEnum())
            out << step(m_ddl.createEnumType(t, c));
        out << step(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;")
                        .arg(q(t.table), q(c.column), m_ddl.columnDefinition(t, c)));
        return out;
    }

    QVector<AlterStep> changeColumn(const DerivedTable &t, const DerivedColumn &c,
                                    const QJsonObject &liveColumn, const LiveTable &) const override
    {
        const QString alter =
            QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 ").arg(q(t.table), q(c.column));
        const QJsonObject wanted = designColumn(t, c);
        const bool typeChanges =
            liveColumn[QStringLiteral("type")] != wanted[QStringLiteral("type")];
        const bool defaultChanges =
            liveColumn[QStringLiteral("default")] != wanted[QStringLiteral("default")];
        QVector<AlterStep> out;
        // The old default may not cast to the new type: drop it first, set it after.
        if ((typeChanges || defaultChanges) && !liveColumn[QStringLiteral("default")].isNull())
            out << step(alter + QStringLiteral("DROP DEFAULT;"));
        if (typeChanges) {
            if (c.type.isEnum())
                out << step(m_ddl.createEnumType(t, c));
            const QString type = m_ddl.columnType(t, c);
            // Through text, so that any type reaches an ENUM (no direct integer cast).
            out << step(alter + QStringLiteral("TYPE %1 USING (%2::%3%1);")
                                    .arg(type, q(c.column),
                                         c.type.isEnum() ? QStringLiteral("text::") : QString()));
        }
        const auto literal = c.defaultValue
                                 ? defaultLiteralSql(*c.defaultValue, c.type, Dialect::Postgres)
                                 : std::nullopt;
        if ((typeChanges || defaultChanges) && literal)
            out << step(alter + QStringLiteral("SET DEFAULT %1;").arg(*literal));
        if (liveColumn[QStringLiteral("notNull")] != wanted[QStringLiteral("notNull")])
            out << step(alter + (wanted[QStringLiteral("notNull")].toBool()
                                     ? QStringLiteral("SET NOT NULL;")
                                     : QStringLiteral("DROP NOT NULL;")));
        return out;
    }

    AlterStep dropColumn(const DerivedTable &t, const QString &column,
                         const LiveTable &) const override
    {
        return step(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(q(t.table), q(column)));
    }

    QVector<AlterStep> relabelEnum(const DerivedTable &t, const DerivedColumn &c,
                                   const LiveTable &live, bool alsoChanged) const override
    {
        const QStringList have = live.enumLabels.value(c.column);
        const QStringList want = c.type.stringArgs();
        const QString type = m_ddl.columnType(t, c);
        auto label = [](const QString &s) { return quoteString(s, Dialect::Postgres); };
        // Only labels added, the others in their order: ADD VALUE, as Sequelize's alter
        // does, with no table rewrite. A value added so cannot be used before COMMIT,
        // so when the column changes too (a default naming a new label), re-create.
        QStringList kept;
        for (const QString &w : want) {
            if (have.contains(w))
                kept << w;
        }
        if (kept == have && !alsoChanged) {
            QVector<AlterStep> out;
            for (int i = 0; i < want.size(); ++i) {
                if (have.contains(want[i]))
                    continue;
                const QString where = i > 0 ? QStringLiteral(" AFTER %1").arg(label(want[i - 1]))
                                      : have.isEmpty()
                                          ? QString()
                                          : QStringLiteral(" BEFORE %1").arg(label(have.first()));
                out << step(QStringLiteral("ALTER TYPE %1 ADD VALUE %2%3;")
                                .arg(type, label(want[i]), where));
            }
            return out;
        }
        // Labels dropped or reordered: PostgreSQL cannot do that in place. A new type
        // takes the column over through text; a row holding a dropped label fails the
        // cast, and the whole plan rolls back with nothing lost.
        const QString temporary =
            QStringLiteral("%1.%2").arg(q(QStringLiteral("public")), q(kRelabelType));
        QStringList labels;
        for (const QString &w : want)
            labels << label(w);
        const QString alter =
            QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 ").arg(q(t.table), q(c.column));
        QVector<AlterStep> out{
            step(QStringLiteral("CREATE TYPE %1 AS ENUM(%2);")
                     .arg(temporary, labels.join(QStringLiteral(", ")))),
            step(alter + QStringLiteral("DROP DEFAULT;")),
            step(alter +
                 QStringLiteral("TYPE %1 USING (%2::text::%1);").arg(temporary, q(c.column))),
            step(QStringLiteral("DROP TYPE %1;").arg(type)),
            step(QStringLiteral("ALTER TYPE %1 RENAME TO %2;")
                     .arg(temporary, q(postgresEnumTypeName(t.table, c.column))))};
        if (const auto literal = c.defaultValue
                                     ? defaultLiteralSql(*c.defaultValue, c.type, Dialect::Postgres)
                                     : std::nullopt)
            out << step(alter + QStringLiteral("SET DEFAULT %1;").arg(*literal));
        return out;
    }

    AlterStep addForeignKey(const DerivedTable &t, const DerivedColumn &c) const override
    {
        return step(m_ddl.addForeignKey(t, c));
    }

    AlterStep dropObject(const QString &table, const LiveObject &o,
                         const LiveTable &) const override
    {
        if (o.kind == LiveObject::Index)
            return step(QStringLiteral("DROP INDEX %1;").arg(q(o.name)));
        return step(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(q(table), q(o.name)));
    }

    AlterStep addUnique(const DerivedTable &t, const QStringList &columns) const override
    {
        for (const DerivedIndex &ix : t.indexes) {
            if (ix.unique && ix.columns == columns)
                return step(m_ddl.addIndex(t, ix));
        }
        QStringList quoted;
        for (const QString &c : columns)
            quoted << q(c);
        // The name PostgreSQL picks is the one CREATE TABLE's UNIQUE gets (t_col_key).
        return step(QStringLiteral("ALTER TABLE %1 ADD UNIQUE (%2);")
                        .arg(q(t.table), quoted.join(QStringLiteral(", "))));
    }

    AlterStep addIndex(const DerivedTable &t, const DerivedIndex &index) const override
    {
        return step(m_ddl.addIndex(t, index));
    }

private:
    static QJsonObject designColumn(const DerivedTable &t, const DerivedColumn &c)
    {
        const CatalogTable ct = catalogTable(t, Dialect::Postgres);
        for (const CatalogColumn &col : ct.columns) {
            if (col.name == c.column)
                return QJsonObject{{QStringLiteral("type"), col.type},
                                   {QStringLiteral("notNull"), col.notNull},
                                   {QStringLiteral("default"), col.defaultValue.isEmpty()
                                                                   ? QJsonValue()
                                                                   : QJsonValue(col.defaultValue)}};
        }
        return {};
    }

    PostgresDdlDialect m_ddl;
};

} // namespace

bool readPostgresLive(QSqlDatabase &db, const QStringList &designTables, LiveSchema &live,
                      QString &error)
{
    const JsonValue catalog = readPostgresCatalog(db, &error);
    if (!error.isEmpty() ||
        !readLiveTables(db, catalog, Dialect::Postgres, designTables, live, error) ||
        !readObjects(db, live, error))
        return false;
    const QHash<QString, QStringList> labels = readPostgresEnumLabels(db, &error);
    for (auto t = live.begin(); t != live.end(); ++t) {
        for (const QJsonValue &c : t->catalog[QStringLiteral("columns")].toArray()) {
            // Only the type Sequelize names for this column: moving a column off any
            // other ENUM type is a type change, which changeColumn() makes.
            const QString column = c[QStringLiteral("name")].toString();
            const QString type = postgresEnumTypeName(t.key(), column);
            const auto it = typeName(c) == type ? labels.constFind(type) : labels.cend();
            if (it != labels.cend())
                t->enumLabels.insert(column, *it);
        }
    }
    return error.isEmpty();
}

AlterPlan planPostgres(const DerivedSchema &derived, const Analysis &analysis,
                       const QStringList &createDdl, const LiveSchema &live,
                       const ApplyOptions &options)
{
    const PostgresAlterWriter writer;
    return options.mode == ApplyMode::Force
               ? planServerForce(derived, analysis, createDdl, live, options.allowDataLoss, writer)
               : planServerAlter(derived, analysis, live, writer);
}

void runPostgresSteps(QSqlDatabase &db, const QVector<AlterStep> &steps,
                      const ApplyOptions &options, ApplyResult &result)
{
    int total = 0;
    for (const AlterStep &s : steps)
        total += s.table.isEmpty() ? 0 : 1;
    QSqlQuery query(db);
    // IF NOT EXISTS, CASCADE and IF EXISTS send NOTICEs; they are noise here.
    for (const QString &s :
         {QStringLiteral("SET client_min_messages TO warning"), QStringLiteral("BEGIN")}) {
        if (!query.exec(s)) {
            result.error = postgresFailure(s, query.lastError());
            return;
        }
    }
    result.executed << QStringLiteral("BEGIN");
    int done = 0;
    for (const AlterStep &s : steps) {
        if (!s.table.isEmpty() && options.progress)
            options.progress(++done, total, s.table);
        const bool cancel = options.canceled && options.canceled();
        if (!cancel)
            result.executed << s.sql;
        if (cancel || !query.exec(s.sql)) {
            result.canceled = cancel;
            result.error = cancel ? QStringLiteral("canceled before: ") + s.sql
                                  : postgresFailure(s.sql, query.lastError());
            QSqlQuery rollback(db);
            if (!rollback.exec(QStringLiteral("ROLLBACK")))
                // The server rolls the transaction back when the connection closes.
                result.error += QStringLiteral("\nROLLBACK failed: ") + rollback.lastError().text();
            else
                result.executed << QStringLiteral("ROLLBACK");
            result.unchanged = true;
            return;
        }
    }
    result.executed << QStringLiteral("COMMIT");
    if (!query.exec(QStringLiteral("COMMIT"))) {
        result.error = postgresFailure(QStringLiteral("COMMIT"), query.lastError());
        result.unchanged = true; // a failed COMMIT rolls back
        return;
    }
    result.ok = true;
}

void runPostgresPlan(QSqlDatabase &db, const AlterPlan &plan, const ApplyOptions &options,
                     ApplyResult &result)
{
    runPostgresSteps(db, plan.steps, options, result);
}

} // namespace mc
