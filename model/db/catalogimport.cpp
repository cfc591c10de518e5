#include "catalogimport.h"

#include "db/importplanner.h"
#include "rules/analysis.h"

#include <QRegularExpression>

#include <algorithm>

namespace mc {

namespace {

/// What warnings already say: (table, column) or (table, `#indexes`, `#checks`...).
using Covered = QSet<QPair<QString, QString>>;

/// The lists in the order catalogTable() sorts them, so that equal catalogs compare
/// equal whoever wrote them.
CatalogTable normalized(CatalogTable t)
{
    std::sort(t.foreignKeys.begin(), t.foreignKeys.end(),
              [](const CatalogForeignKey &a, const CatalogForeignKey &b) {
                  return std::tie(a.from, a.table, a.to) < std::tie(b.from, b.table, b.to);
              });
    std::sort(t.uniques.begin(), t.uniques.end());
    std::sort(t.indexes.begin(), t.indexes.end());
    std::sort(t.fkIndexes.begin(), t.fkIndexes.end());
    return t;
}

QString describeColumn(const CatalogColumn &c)
{
    return QStringLiteral("%1%2%3%4%5")
        .arg(c.type, c.notNull ? QStringLiteral(" NOT NULL") : QString(),
             c.pk ? QStringLiteral(" PK") : QString(),
             c.defaultValue.isEmpty() ? QString() : QStringLiteral(" DEFAULT ") + c.defaultValue,
             c.autoIncrement ? QStringLiteral(" AUTOINCREMENT") : QString());
}

QString lists(const QVector<QStringList> &l)
{
    QStringList parts;
    for (const QStringList &x : l)
        parts << QLatin1Char('(') + x.join(QStringLiteral(", ")) + QLatin1Char(')');
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

QString fkText(const QVector<CatalogForeignKey> &fks)
{
    QStringList parts;
    for (const CatalogForeignKey &k : fks)
        parts << QStringLiteral("%1 -> %2.%3 ON DELETE %4 ON UPDATE %5")
                     .arg(k.from, k.table, k.to, k.onDelete, k.onUpdate);
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral("; "));
}

} // namespace

QVector<QPair<QString, QString>> catalogDifferences(const CatalogTable &wantIn,
                                                    const CatalogTable &gotIn)
{
    const CatalogTable want = normalized(wantIn), got = normalized(gotIn);
    QVector<QPair<QString, QString>> out;
    QStringList wantNames, gotNames;
    for (const CatalogColumn &c : want.columns)
        wantNames << c.name;
    for (const CatalogColumn &c : got.columns)
        gotNames << c.name;
    for (const CatalogColumn &w : want.columns) {
        const int i = gotNames.indexOf(w.name);
        if (i < 0) {
            out.append({w.name, QStringLiteral("column missing from the imported schema")});
        } else if (describeColumn(w) != describeColumn(got.columns[i])) {
            out.append({w.name, QStringLiteral("comes out as %1 instead of %2")
                                    .arg(describeColumn(got.columns[i]), describeColumn(w))});
        }
    }
    for (const QString &g : gotNames) {
        if (!wantNames.contains(g))
            out.append({g, QStringLiteral("column added by the imported schema")});
    }
    auto table = [&](const QString &what, const QString &w, const QString &g) {
        if (w != g)
            out.append(
                {QString(), QStringLiteral("%1 come out as %2 instead of %3").arg(what, g, w)});
    };
    QStringList gotCommon;
    for (const QString &g : gotNames) {
        if (wantNames.contains(g))
            gotCommon << g;
    }
    QStringList wantCommon;
    for (const QString &w : wantNames) {
        if (gotNames.contains(w))
            wantCommon << w;
    }
    table(QStringLiteral("columns"), wantCommon.join(QStringLiteral(", ")),
          gotCommon.join(QStringLiteral(", ")));
    table(QStringLiteral("primary key columns"), want.primaryKey.join(QStringLiteral(", ")),
          got.primaryKey.join(QStringLiteral(", ")));
    table(QStringLiteral("foreign keys"), fkText(want.foreignKeys), fkText(got.foreignKeys));
    table(QStringLiteral("unique constraints"), lists(want.uniques), lists(got.uniques));
    table(QStringLiteral("indexes"), lists(want.indexes), lists(got.indexes));
    if (want.mysql && got.mysql) {
        table(QStringLiteral("foreign key indexes"), lists(want.fkIndexes), lists(got.fkIndexes));
        table(QStringLiteral("checks"), want.checks.join(QStringLiteral(", ")),
              got.checks.join(QStringLiteral(", ")));
    }
    return out;
}

namespace {

Diagnostic warning(const CatalogTable &t, const QString &column, const QString &message)
{
    QString path = jsonPathKey(QStringLiteral("tables"), t.name);
    QString where = QStringLiteral("table %1").arg(jsonQuote(t.name));
    if (!column.isEmpty()) {
        int index = -1;
        for (int i = 0; i < t.columns.size() && index < 0; ++i)
            index = t.columns[i].name == column ? i : -1;
        if (index >= 0)
            path = jsonPathIndex(jsonPathKey(path, QStringLiteral("columns")), index);
        where += QStringLiteral(", column %1").arg(jsonQuote(column));
    }
    return Diagnostic::warning(path, where + QStringLiteral(": ") + message);
}

/// The column a CHECK clause is about, when it names one.
QString checkedColumn(const CatalogTable &t, const QString &check)
{
    for (const CatalogColumn &c : t.columns) {
        const QRegularExpression word(QStringLiteral("(^|[^\\w])[`\"]?%1[`\"]?($|[^\\w])")
                                          .arg(QRegularExpression::escape(c.name)));
        if (word.match(check).hasMatch())
            return c.name;
    }
    return QString();
}

/// What the catalog holds that no attribute spelling can carry: CHECK clauses other
/// than MariaDB's own for JSON, tables without a primary key.
void tableWarnings(const CatalogTable &t, const QVector<ColumnSpec> &specs, Diagnostics &out,
                   Covered &reported)
{
    for (const QString &check : t.checks) {
        static const QRegularExpression json(QStringLiteral("^json_valid\\(`(.*)`\\)$"));
        const auto m = json.match(check);
        const int i = m.hasMatch() ? [&] {
            for (int k = 0; k < t.columns.size(); ++k) {
                if (t.columns[k].name == m.captured(1))
                    return k;
            }
            return -1;
        }()
                                   : -1;
        if (i >= 0 && specs[i].type.name() == QLatin1String("JSON"))
            continue;
        out << warning(
            t, checkedColumn(t, check),
            QStringLiteral("CHECK (%1) has no modelcanvas/1 spelling; left out").arg(check));
        reported.insert({t.name, QStringLiteral("#checks")});
    }
    if (t.primaryKey.isEmpty()) {
        reported.insert({t.name, QStringLiteral("#primary key")});
        reported.insert({t.name, QStringLiteral("id")});
        out << warning(t, QString(),
                       QStringLiteral("the table has no primary key; Sequelize gives every "
                                      "model one, so the import adds `id`"));
    }
}

} // namespace

namespace {

/// Whether a warning already says what a difference says: the column's own, or one
/// about the table's indexes, checks or foreign keys.
bool covered(const Covered &reported, const QString &table, const QPair<QString, QString> &d)
{
    if (!d.first.isEmpty())
        return reported.contains({table, d.first});
    const QString &text = d.second;
    const char *kind =
        text.startsWith(QLatin1String("indexes")) || text.startsWith(QLatin1String("unique"))
            ? "#indexes"
        : text.startsWith(QLatin1String("checks"))      ? "#checks"
        : text.startsWith(QLatin1String("foreign key")) ? "#foreign keys"
        : text.startsWith(QLatin1String("primary key")) ? "#primary key"
                                                        : "";
    return *kind && reported.contains({table, QLatin1String(kind)});
}

/// True when \a got equals \a want but for what is already reported as inexact:
/// declaring the table column by column would not make that exact either.
bool explained(const CatalogTable &want, const CatalogTable &got, const Covered &reported)
{
    if (catalogTableJson(normalized(want)) == catalogTableJson(normalized(got)))
        return true;
    const auto differences = catalogDifferences(want, got);
    return std::all_of(differences.begin(), differences.end(),
                       [&](const auto &d) { return covered(reported, want.name, d); });
}

} // namespace

namespace {

/// One plan per table, with the column specs; their warnings go to \a out.
QVector<TablePlan> planTables(const QVector<CatalogTable> &catalog, Dialect dialect,
                              const QHash<QString, QStringList> &enumLabels, Diagnostics &out,
                              Covered &reported)
{
    ColumnMatcher matcher(dialect, enumLabels);
    QVector<TablePlan> plans;
    for (const CatalogTable &t : catalog) {
        TablePlan p;
        p.cat = &t;
        for (int i = 0; i < t.columns.size(); ++i) {
            p.specs << matcher.match(t, i);
            for (const QString &problem : p.specs.last().problems) {
                out << warning(t, t.columns[i].name, problem);
                if (!p.specs.last().exact)
                    reported.insert({t.name, t.columns[i].name});
            }
        }
        tableWarnings(t, p.specs, out, reported);
        plans << p;
    }
    return plans;
}

/// The outcome of one planning round.
struct Round
{
    Schema schema;
    Diagnostics planning;
    Covered covered;
    JsonValue tables = JsonValue::object(); ///< what the schema's catalog would be
    QString defineError;
};

/// Plans, derives and compares until no table changes representation: idiomatic
/// first; a table that does not derive back to its own catalog is declared column
/// by column (a junction first becomes a model).
Round settle(QVector<TablePlan> &plans, Dialect dialect, const Covered &reported)
{
    Round round;
    for (int attempt = 0; attempt < 8; ++attempt) {
        ImportPlanner planner(plans, dialect);
        round.schema = planner.plan();
        round.planning = planner.diagnostics();
        round.covered = reported + planner.covered();
        round.defineError.clear();
        const DerivedSchema derived = derive(round.schema);
        QVector<int> suspects;
        if (derived.error) {
            const DefineError &e = *derived.error;
            round.defineError = e.message;
            if (e.modelIndex >= 0)
                suspects << planner.tableOfModel(round.schema.models[e.modelIndex].name);
            if (e.associationIndex >= 0) {
                const Association &a = round.schema.associations[e.associationIndex];
                suspects << planner.tableOfModel(a.source) << planner.tableOfModel(a.target)
                         << planner.tableOfModel(a.through.value_or(QString()));
            }
        } else {
            round.tables = catalogTables(derived, dialect, analyse(derived).cyclic());
            Diagnostics ignored;
            const QVector<CatalogTable> got = parseCatalogTables(round.tables, ignored);
            for (int i = 0; i < plans.size(); ++i) {
                const auto it = std::find_if(got.begin(), got.end(), [&](const CatalogTable &g) {
                    return g.name == plans[i].cat->name;
                });
                if (it == got.end() || !explained(*plans[i].cat, *it, round.covered))
                    suspects << i;
            }
        }
        bool changed = false;
        for (int i : suspects) {
            if (i < 0)
                continue;
            TablePlan &p = plans[i];
            if (p.junction && !p.forceModel)
                p.forceModel = changed = true;
            else if (!p.explicitColumns)
                p.explicitColumns = changed = true;
        }
        if (!changed)
            break;
    }
    return round;
}

/// Warnings for whatever still differs and no earlier warning says.
void reportDifferences(const QVector<CatalogTable> &catalog, const Round &round, Diagnostics &out)
{
    if (!round.defineError.isEmpty()) {
        out << Diagnostic::warning(QString(),
                                   QStringLiteral("Sequelize would reject the imported schema: %1")
                                       .arg(round.defineError));
        return;
    }
    Diagnostics ignored;
    const QVector<CatalogTable> got = parseCatalogTables(round.tables, ignored);
    for (const CatalogTable &want : catalog) {
        const auto it = std::find_if(got.begin(), got.end(),
                                     [&](const CatalogTable &g) { return g.name == want.name; });
        if (it == got.end()) {
            out << warning(want, QString(),
                           QStringLiteral("the imported schema does not create this table"));
            continue;
        }
        for (const auto &d : catalogDifferences(want, *it)) {
            if (!covered(round.covered, want.name, d))
                out << warning(want, d.first, d.second);
        }
    }
    for (const CatalogTable &extra : got) {
        if (std::none_of(catalog.begin(), catalog.end(),
                         [&](const CatalogTable &t) { return t.name == extra.name; }))
            out << warning(extra, QString(),
                           QStringLiteral("the imported schema creates this table, which the "
                                          "catalog does not list"));
    }
}

} // namespace

ImportResult importCatalog(const JsonValue &tables, Dialect dialect,
                           const QHash<QString, QStringList> &enumLabels)
{
    ImportResult result;
    const QVector<CatalogTable> catalog = parseCatalogTables(tables, result.diagnostics);
    if (hasErrors(result.diagnostics))
        return result;
    Covered reported;
    QVector<TablePlan> plans =
        planTables(catalog, dialect, enumLabels, result.diagnostics, reported);
    const Round round = settle(plans, dialect, reported);
    result.diagnostics << round.planning;
    reportDifferences(catalog, round, result.diagnostics);
    result.schema = round.schema;
    return result;
}

} // namespace mc
