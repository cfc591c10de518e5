#include "catalogdiff.h"

#include "ddl/catalog.h"
#include "ddl/sqlliteral.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace mc {

namespace {

QJsonObject toQt(const JsonValue &v)
{
    return QJsonDocument::fromJson(v.toCompactJson().toUtf8()).object();
}

QJsonObject columnsByName(const QJsonObject &table)
{
    QJsonObject out;
    for (const QJsonValue &c : table.value(QStringLiteral("columns")).toArray())
        out.insert(c.toObject().value(QStringLiteral("name")).toString(), c);
    return out;
}

/// The items of \a a not matched one for one by items of \b (multiset difference).
QJsonArray minus(const QJsonArray &a, QJsonArray b)
{
    QJsonArray out;
    for (const QJsonValue &v : a) {
        const qsizetype at = b.toVariantList().indexOf(v.toVariant());
        if (at < 0)
            out.append(v);
        else
            b.removeAt(at);
    }
    return out;
}

QVector<QStringList> lists(const QJsonArray &a)
{
    QVector<QStringList> out;
    for (const QJsonValue &v : a) {
        QStringList l;
        for (const QJsonValue &s : v.toArray())
            l << s.toString();
        out << l;
    }
    return out;
}

/// The design column named \a name.
const DerivedColumn *designColumn(const DerivedTable &t, const QString &name)
{
    const int i = t.columnIndexByName(name);
    return i < 0 ? nullptr : &t.columns.at(i);
}

/// Collects a plan's statements; the first one per table carries its name.
struct Steps
{
    AlterPlan &plan;
    QSet<QString> started;

    void add(const QString &table, QVector<AlterStep> steps)
    {
        for (AlterStep &s : steps) {
            if (!started.contains(table)) {
                started.insert(table);
                s.table = table;
            }
            plan.steps.append(s);
        }
    }
    void add(const QString &table, const AlterStep &s) { add(table, QVector<AlterStep>{s}); }
};

/// The live objects a table's plan drops: foreign keys and uniques/indexes by name.
struct Drops
{
    QVector<LiveObject> foreignKeys, others;
};

bool usedIn(const QVector<LiveObject> &list, const LiveObject &o)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const LiveObject &x) { return x.name == o.name; });
}

/// The unused live object matching \a columns that a drop of a unique (or index) means.
const LiveObject *objectFor(const LiveTable &l, const QStringList &columns, bool unique,
                            const QVector<LiveObject> &taken)
{
    for (const LiveObject &o : l.objects) {
        const bool isUnique =
            o.kind == LiveObject::UniqueConstraint || (o.kind == LiveObject::Index && o.unique);
        const bool isPlain = o.kind == LiveObject::Index && !o.unique;
        if (o.columns == columns && (unique ? isUnique : isPlain) && !o.forForeignKey &&
            !usedIn(taken, o))
            return &o;
    }
    return nullptr;
}

} // namespace

bool TableDiff::isEmpty() const
{
    return addedColumns.isEmpty() && droppedColumns.isEmpty() && changedColumns.isEmpty() &&
           addedForeignKeys.isEmpty() && droppedForeignKeys.isEmpty() && addedUniques.isEmpty() &&
           droppedUniques.isEmpty() && addedIndexes.isEmpty() && droppedIndexes.isEmpty() &&
           relabeledColumns.isEmpty() && !primaryKeyChanged;
}

TableDiff diffCatalogTable(const QJsonObject &live, const QJsonObject &design)
{
    TableDiff d;
    const QJsonObject liveColumns = columnsByName(live);
    const QJsonObject designColumns = columnsByName(design);
    const QJsonObject liveCollations = live.value(QStringLiteral("collations")).toObject();
    const QJsonObject designCollations = design.value(QStringLiteral("collations")).toObject();
    for (const QJsonValue &v : design.value(QStringLiteral("columns")).toArray()) {
        QJsonObject c = v.toObject();
        const QString name = c.value(QStringLiteral("name")).toString();
        if (!liveColumns.contains(name)) {
            d.addedColumns << name;
            continue;
        }
        QJsonObject l = liveColumns.value(name).toObject();
        c.remove(QStringLiteral("pk")); // the primary key is compared as a whole below
        l.remove(QStringLiteral("pk"));
        if (c != l || liveCollations.value(name) != designCollations.value(name))
            d.changedColumns << name;
    }
    for (const QJsonValue &v : live.value(QStringLiteral("columns")).toArray()) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        if (!designColumns.contains(name))
            d.droppedColumns << name;
    }
    d.primaryKeyChanged =
        live.value(QStringLiteral("primaryKey")) != design.value(QStringLiteral("primaryKey"));
    const QString fk = QStringLiteral("foreignKeys");
    for (const QJsonValue &v : minus(design.value(fk).toArray(), live.value(fk).toArray()))
        d.addedForeignKeys << v.toObject();
    for (const QJsonValue &v : minus(live.value(fk).toArray(), design.value(fk).toArray()))
        d.droppedForeignKeys << v.toObject();
    for (const QString &key : {QStringLiteral("uniques"), QStringLiteral("indexes")}) {
        const QJsonArray l = live.value(key).toArray(), w = design.value(key).toArray();
        const bool u = key == QLatin1String("uniques");
        (u ? d.addedUniques : d.addedIndexes) = lists(minus(w, l));
        (u ? d.droppedUniques : d.droppedIndexes) = lists(minus(l, w));
    }
    return d;
}

QString rowCount(qint64 n)
{
    return n == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(n);
}

QStringList designCreationOrder(const DerivedSchema &derived, const Analysis &analysis)
{
    QStringList names;
    QSet<QString> seen;
    for (const QString &n : analysis.order) {
        if (findDesignTable(derived, n) && !seen.contains(n)) {
            names << n;
            seen.insert(n);
        }
    }
    for (const DerivedTable *t : catalogOrder(derived)) {
        if (!seen.contains(t->table)) {
            names << t->table;
            seen.insert(t->table);
        }
    }
    return names;
}

const DerivedTable *findDesignTable(const DerivedSchema &derived, const QString &name)
{
    const DerivedTable *found = nullptr;
    for (const DerivedTable &t : derived.tables) {
        if (t.table == name)
            found = &t;
    }
    return found;
}

namespace {

void noteLeftAlone(const DerivedSchema &derived, const LiveSchema &live, Dialect dialect,
                   AlterPlan &plan)
{
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (!findDesignTable(derived, it.key()))
            plan.notes << QStringLiteral("%1 left alone (not in the design)")
                              .arg(quoteIdentifier(it.key(), dialect));
    }
}

} // namespace

AlterPlan planServerForce(const DerivedSchema &derived, const Analysis &analysis,
                          const QStringList &createDdl, const LiveSchema &live, bool allowDataLoss,
                          const AlterWriter &writer)
{
    AlterPlan plan;
    const Dialect dialect = writer.dialect();
    QStringList drop, holding;
    const QStringList order = designCreationOrder(derived, analysis);
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        if (!live.contains(*it))
            continue;
        drop << *it;
        if (live.value(*it).rows > 0)
            holding << QStringLiteral("%1 (%2)").arg(quoteIdentifier(*it, dialect),
                                                     rowCount(live.value(*it).rows));
    }
    if (!holding.isEmpty() && !allowDataLoss) {
        plan.error = dataLossRefusal(holding);
        plan.dataLossRefused = true;
        return plan;
    }
    if (!drop.isEmpty())
        plan.steps += writer.dropTables(drop, live);
    for (const QString &s : createDdl) {
        AlterStep step{s, QString(), {}, QString(), QString()};
        for (const QString &t : order) {
            if (s.startsWith(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (")
                                 .arg(quoteIdentifier(t, dialect)))) {
                step.table = t;
                // Undo of a created table (MariaDB): the run dropped it, or it was not there.
                if (dialect == Dialect::MySQL)
                    step.undo = QStringList{
                        QStringLiteral("DROP TABLE IF EXISTS %1").arg(quoteIdentifier(t, dialect))};
            }
        }
        plan.steps.append(step);
    }
    noteLeftAlone(derived, live, dialect, plan);
    return plan;
}

AlterPlan planServerAlter(const DerivedSchema &derived, const Analysis &analysis,
                          const LiveSchema &live, const AlterWriter &writer)
{
    AlterPlan plan;
    const Dialect dialect = writer.dialect();
    const bool cyclic = analysis.cyclic();
    const QJsonObject design = toQt(catalogTables(derived, dialect, cyclic));
    const QStringList order = designCreationOrder(derived, analysis);
    QMap<QString, TableDiff> diffs;
    QStringList problems;
    auto q = [&](const QString &n) { return quoteIdentifier(n, dialect); };
    for (const QString &name : order) {
        if (!live.contains(name))
            continue;
        const LiveTable &l = live.value(name);
        const QJsonObject wanted = design.value(name).toObject();
        TableDiff d = diffCatalogTable(l.catalog, wanted);
        const DerivedTable &designTable = *findDesignTable(derived, name);
        for (const DerivedColumn &c : designTable.columns) {
            const auto labels = l.enumLabels.constFind(c.column);
            if (c.type.isEnum() && labels != l.enumLabels.cend() &&
                !d.addedColumns.contains(c.column) && *labels != c.type.stringArgs())
                d.relabeledColumns << c.column;
        }
        if (d.primaryKeyChanged)
            problems
                << QStringLiteral("cannot change the primary key of %1 from (%2) to (%3) "
                                  "in alter mode; use --mode force (it drops the rows)")
                       .arg(q(name),
                            l.catalog.value(QStringLiteral("primaryKey"))
                                .toVariant()
                                .toStringList()
                                .join(QStringLiteral(", ")),
                            findDesignTable(derived, name)->primaryKey.join(QStringLiteral(", ")));
        const QJsonObject wantedColumns = columnsByName(wanted);
        for (const QString &c : d.addedColumns) {
            const QJsonObject col = wantedColumns.value(c).toObject();
            if (l.rows > 0 && col.value(QStringLiteral("notNull")).toBool() &&
                col.value(QStringLiteral("default")).isNull() &&
                !col.value(QStringLiteral("autoIncrement")).toBool())
                problems << QStringLiteral("cannot add NOT NULL column %1 without a default to "
                                           "%2, which has %3: the existing rows would have no "
                                           "value for it (what Sequelize's sync({alter: true}) "
                                           "hits); give it a defaultValue or allowNull: true, "
                                           "or empty the table")
                                .arg(q(c), q(name), rowCount(l.rows));
        }
        const QJsonObject liveColumns = columnsByName(l.catalog);
        for (const QString &c : d.changedColumns) {
            if (liveColumns.value(c)[QStringLiteral("autoIncrement")] !=
                wantedColumns.value(c)[QStringLiteral("autoIncrement")])
                problems << QStringLiteral("cannot change auto-increment of %1.%2 in alter mode; "
                                           "use --mode force (it drops the rows)")
                                .arg(q(name), q(c));
        }
        diffs.insert(name, d);
    }
    if (!problems.isEmpty()) {
        plan.error = problems.join(QLatin1Char('\n')) + QStringLiteral("\nNothing was changed.");
        return plan;
    }

    // Which foreign keys go: those the design lacks, those on a column that changes or
    // goes (either end), and (MariaDB) those whose covering index goes, since InnoDB
    // will not drop an index a foreign key needs. Kept in the design: added back later.
    QMap<QString, Drops> drops;
    QMap<QString, QSet<QString>> readd; // table -> FK columns to add back
    for (auto it = diffs.cbegin(); it != diffs.cend(); ++it) {
        const LiveTable &l = live.value(it.key());
        const TableDiff &d = *it;
        QSet<QString> goingColumns;
        for (const QJsonObject &k : d.droppedForeignKeys)
            goingColumns << k.value(QStringLiteral("from")).toString();
        for (const LiveObject &o : l.objects) {
            if (o.kind != LiveObject::ForeignKey)
                continue;
            bool go = false;
            for (const QJsonValue &v : l.catalog.value(QStringLiteral("foreignKeys")).toArray()) {
                const QJsonObject k = v.toObject();
                const QString from = k.value(QStringLiteral("from")).toString();
                if (!o.columns.contains(from))
                    continue;
                const TableDiff target = diffs.value(k.value(QStringLiteral("table")).toString());
                const QString to = k.value(QStringLiteral("to")).toString();
                go = go || goingColumns.contains(from) || d.changedColumns.contains(from) ||
                     d.droppedColumns.contains(from) || target.changedColumns.contains(to);
            }
            if (dialect == Dialect::MySQL) {
                for (const QStringList &ix : d.droppedUniques + d.droppedIndexes)
                    go = go || (!ix.isEmpty() && o.columns.first() == ix.first());
            }
            if (go) {
                drops[it.key()].foreignKeys << o;
                readd[it.key()] += QSet<QString>(o.columns.begin(), o.columns.end());
            }
        }
        for (const QStringList &u : d.droppedUniques) {
            if (const LiveObject *o = objectFor(l, u, true, drops[it.key()].others))
                drops[it.key()].others << *o;
        }
        for (const QStringList &ix : d.droppedIndexes) {
            if (const LiveObject *o = objectFor(l, ix, false, drops[it.key()].others))
                drops[it.key()].others << *o;
        }
        // The index InnoDB made for a foreign key that goes for good would stay behind.
        for (const LiveObject &o : l.objects) {
            if (!o.forForeignKey)
                continue;
            for (const LiveObject &k : drops[it.key()].foreignKeys) {
                if (k.columns == o.columns && !usedIn(drops[it.key()].others, o)) {
                    bool kept = false;
                    for (const QJsonValue &v :
                         design.value(it.key())[QStringLiteral("foreignKeys")].toArray())
                        kept = kept || k.columns.contains(v[QStringLiteral("from")].toString());
                    if (!kept)
                        drops[it.key()].others << o;
                }
            }
        }
    }

    Steps steps{plan, {}};
    for (auto it = drops.cbegin(); it != drops.cend(); ++it) {
        for (const LiveObject &o : it->foreignKeys)
            steps.add(it.key(), writer.dropObject(it.key(), o, live.value(it.key())));
    }
    for (auto it = drops.cbegin(); it != drops.cend(); ++it) {
        for (const LiveObject &o : it->others)
            steps.add(it.key(), writer.dropObject(it.key(), o, live.value(it.key())));
    }
    for (const QString &name : order) {
        if (!diffs.contains(name))
            continue;
        const DerivedTable &t = *findDesignTable(derived, name);
        const TableDiff &d = diffs.value(name);
        const LiveTable &l = live.value(name);
        const QJsonObject liveColumns = columnsByName(l.catalog);
        for (const QString &c : d.addedColumns)
            steps.add(name, writer.addColumn(t, *designColumn(t, c), l));
        for (const QString &c : d.relabeledColumns)
            steps.add(name,
                      writer.relabelEnum(t, *designColumn(t, c), l, d.changedColumns.contains(c)));
        for (const QString &c : d.changedColumns)
            steps.add(name,
                      writer.changeColumn(t, *designColumn(t, c), liveColumns[c].toObject(), l));
        for (const QString &c : d.droppedColumns)
            steps.add(name, writer.dropColumn(t, c, l));
    }
    for (const QString &name : order) {
        if (!live.contains(name))
            steps.add(name, writer.createTable(*findDesignTable(derived, name), !cyclic));
    }
    for (const QString &name : order) {
        if (!diffs.contains(name))
            continue;
        const DerivedTable &t = *findDesignTable(derived, name);
        for (const QStringList &u : diffs.value(name).addedUniques)
            steps.add(name, writer.addUnique(t, u));
        for (const QStringList &ix : diffs.value(name).addedIndexes) {
            for (const DerivedIndex &x : t.indexes) {
                if (!x.unique && x.columns == ix) {
                    steps.add(name, writer.addIndex(t, x));
                    break;
                }
            }
        }
    }
    for (const QString &name : order) {
        const DerivedTable &t = *findDesignTable(derived, name);
        const bool created = !live.contains(name);
        if (created && !cyclic)
            continue; // created with its foreign keys
        const QJsonArray present =
            created ? QJsonArray()
                    : live.value(name).catalog.value(QStringLiteral("foreignKeys")).toArray();
        for (const QJsonValue &v : design.value(name)[QStringLiteral("foreignKeys")].toArray()) {
            const QString from = v[QStringLiteral("from")].toString();
            if (present.contains(v) && !readd.value(name).contains(from))
                continue;
            steps.add(name, writer.addForeignKey(t, *designColumn(t, from)));
        }
    }
    noteLeftAlone(derived, live, dialect, plan);
    return plan;
}

} // namespace mc
