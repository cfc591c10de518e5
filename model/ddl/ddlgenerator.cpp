#include "ddlgenerator.h"

#include "io/diagnostic.h"

#include "ddl/ddldialect.h"
#include "ddl/identifierrules.h"

#include <QSet>

namespace mc {

namespace {

void appendTable(QStringList &out, const DdlDialect &dialect, const DerivedTable &table,
                 bool withForeignKeys)
{
    out += dialect.createTable(table, withForeignKeys);
    // Model.sync() adds the model's indexes right after its table.
    for (const DerivedIndex &ix : table.indexes)
        out << dialect.addIndex(table, ix);
}

/// Tables in creation order. getModelsTopoSortedByForeignKey() maps table names to
/// models, so when two models share a table the last one defined is synced.
QVector<const DerivedTable *> sortedTables(const DerivedSchema &derived, const Analysis &analysis)
{
    QHash<QString, const DerivedTable *> byName;
    for (const DerivedTable &t : derived.tables)
        byName.insert(t.table, &t);
    QVector<const DerivedTable *> tables;
    for (const QString &name : analysis.order) {
        if (const DerivedTable *t = byName.value(name))
            tables << t;
    }
    return tables;
}

/// Definition order; a later model on an already created table creates nothing.
QVector<const DerivedTable *> definitionOrder(const DerivedSchema &derived)
{
    QSet<QString> seen;
    QVector<const DerivedTable *> tables;
    for (const DerivedTable &t : derived.tables) {
        if (!seen.contains(t.table)) {
            seen.insert(t.table);
            tables << &t;
        }
    }
    return tables;
}

QStringList cyclicStatements(const DerivedSchema &derived, const DdlDialect &dialect)
{
    const QVector<const DerivedTable *> tables = definitionOrder(derived);
    QStringList out;
    if (dialect.dialect() == Dialect::SQLite) {
        // _syncModelsWithCyclicReferences() -> withSqliteForeignKeysOff()
        out << QStringLiteral("PRAGMA foreign_keys = OFF");
        for (const DerivedTable *t : tables)
            appendTable(out, dialect, *t, true);
        out << QStringLiteral("PRAGMA foreign_keys = ON");
        return out;
    }
    for (const DerivedTable *t : tables)
        appendTable(out, dialect, *t, false);
    // Second pass, sync({alter: true}): changeColumn() per non-key column, whose
    // REFERENCES becomes `ADD FOREIGN KEY`; the rest of it is redundant.
    for (const DerivedTable *t : tables) {
        for (const DerivedColumn *c : DdlDialect::columnsInJsOrder(*t)) {
            if (c->hasReference && !c->primaryKey)
                out << dialect.addForeignKey(*t, *c);
        }
    }
    return out;
}

} // namespace

DdlResult generateDdl(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect)
{
    DdlResult result;
    if (derived.error)
        return result;
    result.errors = identifierProblems(derived, dialect, analysis.cyclic());
    if (!result.errors.isEmpty())
        return result;
    const std::unique_ptr<DdlDialect> generator = DdlDialect::create(dialect);
    if (analysis.cyclic()) {
        result.statements = cyclicStatements(derived, *generator);
        return result;
    }
    for (const DerivedTable *t : sortedTables(derived, analysis))
        appendTable(result.statements, *generator, *t, true);
    return result;
}

QStringList createSchemaStatements(const DerivedSchema &derived, const Analysis &analysis,
                                   Dialect dialect)
{
    return generateDdl(derived, analysis, dialect).statements;
}

std::optional<QStringList> applicableDdl(const DerivedSchema &derived, const Analysis &analysis,
                                         Dialect dialect, QString *error)
{
    if (derived.error) {
        *error = Diagnostic::error(derived.error->path, derived.error->message).toString();
        return std::nullopt;
    }
    DdlResult ddl = generateDdl(derived, analysis, dialect);
    if (!ddl.ok()) {
        *error = ddl.errors.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return std::move(ddl.statements);
}

QString ddlScript(const QStringList &statements)
{
    QString out;
    for (const QString &s : statements) {
        out += s;
        if (!s.endsWith(QLatin1Char(';')))
            out += QLatin1Char(';');
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace mc
