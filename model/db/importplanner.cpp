#include "importplanner.h"

#include "rules/derive.h"
#include "rules/inflection.h"

namespace mc {

int TablePlan::columnIndex(const QString &column) const
{
    for (int i = 0; i < cat->columns.size(); ++i) {
        if (cat->columns[i].name == column)
            return i;
    }
    return -1;
}

const CatalogForeignKey *TablePlan::foreignKey(const QString &column) const
{
    for (const CatalogForeignKey &fk : cat->foreignKeys) {
        if (fk.from == column)
            return &fk;
    }
    return nullptr;
}

bool TablePlan::uniqueColumn(const QString &column) const
{
    return cat->uniques.contains(QStringList{column});
}

namespace {

QString stamp(bool underscored, const char *name)
{
    const QString n = QLatin1String(name);
    return underscored ? underscore(n) : n;
}

bool hasPair(const CatalogTable &t, const QString &created, const QString &updated)
{
    bool c = false, u = false;
    for (const CatalogColumn &col : t.columns) {
        c = c || col.name == created;
        u = u || col.name == updated;
    }
    return c && u;
}

/// Index columns for a message; catalogs list an expression as `<expr>` or nothing.
QString shown(QStringList columns)
{
    for (QString &c : columns) {
        if (c.isEmpty())
            c = QStringLiteral("<expression>");
    }
    return columns.join(QStringLiteral(", "));
}

} // namespace

ImportPlanner::ImportPlanner(QVector<TablePlan> &tables, Dialect dialect)
    : m_tables(tables), m_dialect(dialect), m_matcher(dialect)
{
    for (int i = 0; i < tables.size(); ++i)
        m_byTable.insert(tables[i].cat->name, i);
}

void ImportPlanner::decideGlobals()
{
    // Majority votes, so that most models need no options of their own; the
    // per-model options below make the minority exact.
    int snake = 0, camel = 0;
    bool snakeIds = false, upper = false;
    for (const TablePlan &t : m_tables) {
        snake += hasPair(*t.cat, QStringLiteral("created_at"), QStringLiteral("updated_at"));
        camel += hasPair(*t.cat, QStringLiteral("createdAt"), QStringLiteral("updatedAt"));
        for (const CatalogColumn &c : t.cat->columns) {
            snakeIds = snakeIds || c.name.endsWith(QLatin1String("_id"));
            upper = upper || c.name != c.name.toLower();
        }
    }
    m_underscored = snake || camel ? snake > camel : snakeIds && !upper;
    m_timestamps = 2 * (snake + camel) >= m_tables.size();
    m_schema.hasOptions = true;
    m_schema.options.underscored = m_underscored;
    m_schema.options.timestamps = m_timestamps;
    m_schema.options.freezeTableName = false;
}

Schema ImportPlanner::plan()
{
    m_schema = Schema();
    m_diagnostics.clear();
    m_covered.clear();
    m_byModel.clear();
    m_junctionNames.clear();
    decideGlobals();
    for (TablePlan &t : m_tables) {
        const CatalogTable &c = *t.cat;
        t.underscored =
            hasPair(c, QStringLiteral("created_at"), QStringLiteral("updated_at")) ? true
            : hasPair(c, QStringLiteral("createdAt"), QStringLiteral("updatedAt")) ? false
                                                                                   : m_underscored;
        t.keys.clear();
        t.attrOfColumn.clear();
    }
    for (TablePlan &t : m_tables)
        t.junction = !t.forceModel && junctionShape(t);
    for (const TablePlan &t : m_tables) {
        for (const CatalogForeignKey &fk : t.cat->foreignKeys) {
            if (const int i = m_byTable.value(fk.table, -1); i >= 0 && i != m_byTable[t.cat->name])
                m_tables[i].junction = false; // something refers to it: it needs a model
        }
    }
    for (int i = 0; i < m_tables.size(); ++i) {
        if (m_tables[i].junction) {
            m_junctionNames.insert(m_tables[i].cat->name);
            m_byModel.insert(m_tables[i].cat->name, i);
        }
    }
    nameModels();
    const QVector<int> order = definitionOrder();
    for (int i : order)
        layout(m_tables[i]);
    for (int i : order)
        m_schema.models << buildModel(m_tables[i]);
    for (int i : order) {
        TablePlan &t = m_tables[i];
        for (int c = 0; c < t.cat->columns.size(); ++c) {
            if (const CatalogForeignKey *fk = t.foreignKey(t.cat->columns[c].name))
                addForeignKey(t, *fk);
        }
    }
    for (TablePlan &t : m_tables) {
        if (t.junction)
            addJunction(t);
    }
    return m_schema;
}

QVector<int> ImportPlanner::definitionOrder() const
{
    // Referenced tables first (a depth-first post-order from the tables in name
    // order), so that Sequelize creates the tables in the order the file lists them.
    // Iterative: a long chain of foreign keys must not exhaust the stack.
    QVector<int> order;
    QVector<char> seen(m_tables.size(), 0);
    QVector<QPair<int, int>> stack; // table, next foreign key to follow
    for (int root = 0; root < m_tables.size(); ++root) {
        if (m_tables[root].junction || seen[root])
            continue;
        seen[root] = 1;
        stack.append({root, 0});
        while (!stack.isEmpty()) {
            auto &[table, next] = stack.last();
            const auto &fks = m_tables[table].cat->foreignKeys;
            if (next < fks.size()) {
                const int r = m_byTable.value(fks[next++].table, -1);
                if (r >= 0 && !m_tables[r].junction && !seen[r]) {
                    seen[r] = 1;
                    stack.append({r, 0});
                }
                continue;
            }
            order << table;
            stack.removeLast();
        }
    }
    return order;
}

bool ImportPlanner::junctionShape(TablePlan &t) const
{
    // What belongsToMany with a `through` string creates: [timestamps,] the two keys,
    // which are the composite primary key, each referencing another table.
    const CatalogTable &c = *t.cat;
    if (c.foreignKeys.size() != 2 || c.primaryKey.size() != 2 || !c.uniques.isEmpty() ||
        !c.indexes.isEmpty() || !c.collations.isEmpty() || !c.checks.isEmpty())
        return false;
    const CatalogForeignKey *first = t.foreignKey(c.primaryKey[0]);
    const CatalogForeignKey *second = t.foreignKey(c.primaryKey[1]);
    if (!first || !second)
        return false;
    const int a = m_byTable.value(first->table, -1), b = m_byTable.value(second->table, -1);
    if (a < 0 || b < 0 || m_tables[a].cat == t.cat || m_tables[b].cat == t.cat ||
        m_tables[a].columnIndex(first->to) < 0 || m_tables[b].columnIndex(second->to) < 0)
        return false;
    QStringList expected;
    const bool u = m_tables[a].underscored;
    if (m_timestamps)
        expected << stamp(u, "createdAt") << stamp(u, "updatedAt");
    expected << c.primaryKey;
    if (c.columns.size() != expected.size())
        return false;
    for (int i = 0; i < c.columns.size(); ++i) {
        if (c.columns[i].name != expected[i] || !t.specs[i].exact || t.specs[i].defaultValue)
            return false;
        if (i + 2 < c.columns.size() && !m_matcher.isTimestamp(c, i, false))
            return false;
    }
    return true;
}

void ImportPlanner::nameModels()
{
    // A model named like a junction table would be that junction (file-format §6).
    QSet<QString> used = m_junctionNames;
    for (int i = 0; i < m_tables.size(); ++i) {
        TablePlan &t = m_tables[i];
        if (t.junction)
            continue;
        const QString table = t.cat->name;
        const QString singular = singularize(table);
        QStringList candidates;
        if (t.underscored)
            candidates << upperFirst(camelize(singular));
        candidates << singular << table;
        EffectiveOptions opts;
        opts.underscored = t.underscored;
        t.model.clear();
        for (const QString &name : candidates) {
            Model probe;
            probe.name = name;
            if (!name.isEmpty() && !used.contains(name) && derivedTableName(probe, opts) == table) {
                t.model = name;
                break;
            }
        }
        for (int n = 1; t.model.isEmpty(); ++n) {
            const QString base = singular.isEmpty() ? table : singular;
            const QString name = n == 1 ? base : base + QString::number(n);
            if (!name.isEmpty() && !used.contains(name))
                t.model = name;
        }
        used.insert(t.model);
        m_byModel.insert(t.model, i);
    }
}

QString ImportPlanner::columnOf(bool underscored, const QString &attribute) const
{
    return underscored ? underscore(attribute) : attribute;
}

QString ImportPlanner::attributeFor(const TablePlan &t, const QString &column) const
{
    if (!t.underscored)
        return column;
    const QString camel = camelize(column);
    bool taken = false;
    for (auto it = t.attrOfColumn.begin(); it != t.attrOfColumn.end(); ++it)
        taken = taken || (it.value() == camel && it.key() != column);
    return !camel.isEmpty() && !taken && underscore(camel) == column ? camel : column;
}

void ImportPlanner::layout(TablePlan &t)
{
    const CatalogTable &c = *t.cat;
    const int n = c.columns.size();
    auto trailable = [&](int i) {
        const CatalogForeignKey *fk = t.foreignKey(c.columns[i].name);
        return fk && !c.columns[i].pk && m_byTable.contains(fk->table);
    };
    int start = 0;
    t.implicitId = !t.explicitColumns && n > 0 && m_matcher.isImplicitId(c, 0) &&
                   !t.foreignKey(c.columns[0].name) && !t.uniqueColumn(c.columns[0].name);
    if (t.implicitId) {
        start = 1;
        t.attrOfColumn.insert(QStringLiteral("id"), QStringLiteral("id"));
    }
    t.timestamps = t.paranoid = false;
    t.declaredEnd = t.trailingBegin = n;
    const int created = t.columnIndex(stamp(t.underscored, "createdAt"));
    if (!t.explicitColumns && created >= start && created + 1 < n &&
        c.columns[created + 1].name == stamp(t.underscored, "updatedAt") &&
        m_matcher.isTimestamp(c, created, false) && m_matcher.isTimestamp(c, created + 1, false)) {
        int end = created + 2;
        const bool paranoid = end < n && c.columns[end].name == stamp(t.underscored, "deletedAt") &&
                              m_matcher.isTimestamp(c, end, true);
        end += paranoid ? 1 : 0;
        bool rest = true;
        for (int i = end; i < n; ++i)
            rest = rest && trailable(i);
        if (rest) {
            t.timestamps = true;
            t.paranoid = paranoid;
            t.declaredEnd = created;
            t.trailingBegin = end;
            t.attrOfColumn.insert(c.columns[created].name, QStringLiteral("createdAt"));
            t.attrOfColumn.insert(c.columns[created + 1].name, QStringLiteral("updatedAt"));
            if (paranoid)
                t.attrOfColumn.insert(c.columns[end - 1].name, QStringLiteral("deletedAt"));
        }
    }
    if (!t.timestamps && !t.explicitColumns) {
        while (t.declaredEnd > start && trailable(t.declaredEnd - 1))
            --t.declaredEnd;
        t.trailingBegin = t.declaredEnd;
    }
    for (int i = start; i < t.declaredEnd; ++i)
        t.attrOfColumn.insert(c.columns[i].name, declaredName(t, c.columns[i].name));
}

QString ImportPlanner::declaredName(const TablePlan &t, const QString &column) const
{
    // A declared FK column named as its belongsTo would name it needs no foreignKey.
    const CatalogForeignKey *fk = t.foreignKey(column);
    const int r = fk ? m_byTable.value(fk->table, -1) : -1;
    if (r >= 0 && !m_tables[r].junction) {
        const TablePlan &ref = m_tables[r];
        QString pk;
        for (int i = 0; i < ref.cat->columns.size() && pk.isEmpty(); ++i) {
            if (ref.cat->columns[i].pk)
                pk = ref.attrOfColumn.value(ref.cat->columns[i].name,
                                            attributeFor(ref, ref.cat->columns[i].name));
        }
        const QString byDefault = camelize(singularize(ref.model) + QLatin1Char('_') + pk);
        bool taken = false;
        for (const QString &a : t.attrOfColumn)
            taken = taken || a == byDefault;
        if (!pk.isEmpty() && !taken && columnOf(t.underscored, byDefault) == column)
            return byDefault;
    }
    return attributeFor(t, column);
}

Model ImportPlanner::buildModel(TablePlan &t)
{
    const CatalogTable &c = *t.cat;
    Model m;
    m.name = t.model;
    if (t.underscored != m_underscored)
        m.options.underscored = t.underscored;
    if (t.timestamps != m_timestamps)
        m.options.timestamps = t.timestamps;
    if (t.paranoid)
        m.options.paranoid = true;
    m.hasOptions = m.options.underscored || m.options.timestamps || m.options.paranoid;
    if (derivedTableName(m, effectiveOptions(m_schema.options, &m.options)) != c.name)
        m.tableName = c.name;
    const int index = m_schema.models.size();
    m.position = QPointF(260.0 * (index % 4), 220.0 * (index / 4));
    const int start = t.implicitId ? 1 : 0;
    for (int i = start; i < t.declaredEnd; ++i) {
        const CatalogColumn &col = c.columns[i];
        const ColumnSpec &s = t.specs[i];
        Attribute a;
        a.name = t.attrOfColumn.value(col.name);
        a.type = s.type;
        // A declared FK's allowNull decides its default actions (omitted counts as
        // NOT NULL there, file-format §8), so it is always written.
        a.allowNull =
            t.foreignKey(col.name) ? std::optional<bool>(s.allowNull.value_or(true)) : s.allowNull;
        if (col.pk)
            a.primaryKey = true;
        if (s.autoIncrement)
            a.autoIncrement = true;
        if (t.uniqueColumn(col.name))
            a.unique = {UniqueSpec::Kind::Bool, true, QString()};
        a.defaultValue = s.defaultValue;
        if (columnOf(t.underscored, a.name) != col.name)
            a.field = col.name;
        m.attributes << a;
    }
    QVector<IndexSpec> indexes;
    auto addIndex = [&](const QStringList &columns, bool unique) {
        for (const QString &name : columns) {
            if (t.columnIndex(name) < 0) {
                warn(t, QString(),
                     QStringLiteral("%1 (%2) is on an expression, not on columns; left out")
                         .arg(unique ? QStringLiteral("unique index") : QStringLiteral("index"),
                              shown(columns)),
                     QStringLiteral("#indexes"));
                return;
            }
        }
        IndexSpec ix;
        ix.fields = columns; // Sequelize passes index fields through as column names
        if (unique)
            ix.unique = true;
        indexes << ix;
    };
    QSet<int> inlined; // `unique: true` on the attribute; a second UNIQUE on it is an index
    for (const QStringList &u : c.uniques) {
        const int i = u.size() == 1 ? t.columnIndex(u.first()) : -1;
        const bool inlinable =
            i >= 0 && ((i >= start && i < t.declaredEnd) || i >= t.trailingBegin);
        if (!inlinable || inlined.contains(i))
            addIndex(u, true);
        inlined.insert(i);
    }
    for (const QStringList &ix : c.indexes)
        addIndex(ix, false);
    if (!indexes.isEmpty())
        m.indexes = indexes;
    return m;
}

} // namespace mc
