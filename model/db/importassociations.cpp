#include "importplanner.h"

#include "rules/inflection.h"

// The association half of ImportPlanner: each foreign key becomes the belongsTo that
// creates its column plus the hasMany/hasOne a reader expects on the other side,
// each junction a belongsToMany pair. Names are Sequelize's defaults where they
// give the catalog's column, an alias where that alone does, an explicit key last.

namespace mc {

namespace {

const QString kCascade = QStringLiteral("CASCADE");
const QString kSetNull = QStringLiteral("SET NULL");
const QString kNoAction = QStringLiteral("NO ACTION");

/// `X` such that camelize(X + '_' + pk) is \a attribute (`AssigneeId` gives
/// `Assignee`), or an empty string.
QString aliasFor(const QString &attribute, const QString &pk)
{
    const QString suffix = camelize(QLatin1Char('_') + pk);
    if (suffix.isEmpty() || attribute.size() <= suffix.size() || !attribute.endsWith(suffix))
        return QString();
    const QString x = attribute.left(attribute.size() - suffix.size());
    return camelize(x + QLatin1Char('_') + pk) == attribute ? x : QString();
}

KeySpec stringKey(const QString &name)
{
    KeySpec k;
    k.kind = KeySpec::Kind::String;
    k.name = name;
    return k;
}

AliasSpec alias(const QString &name)
{
    AliasSpec a;
    if (!name.isEmpty()) {
        a.kind = AliasSpec::Kind::String;
        a.name = name;
    }
    return a;
}

} // namespace

QString ImportPlanner::pkAttribute(const TablePlan &t) const
{
    for (const CatalogColumn &col : t.cat->columns) {
        if (col.pk)
            return t.attrOfColumn.value(col.name, col.name);
    }
    return QStringLiteral("id");
}

DataType ImportPlanner::typeOf(const TablePlan &t, const QString &column) const
{
    const int i = t.columnIndex(column);
    if (t.implicitId && i == 0)
        return DataType(QStringLiteral("INTEGER"));
    return i >= 0 ? t.specs[i].type : DataType(QStringLiteral("INTEGER"));
}

bool ImportPlanner::keyFree(const TablePlan &t, const QString &key) const
{
    // Sequelize throws on a repeated alias, an alias that is an attribute name, and
    // an alias that names a junction of the model (its hidden hasOne).
    if (t.keys.contains(key) || m_junctionNames.contains(key) || t.columnIndex(key) >= 0)
        return false;
    for (const QString &attr : t.attrOfColumn) {
        if (attr == key)
            return false;
    }
    return true;
}

QString ImportPlanner::uniqueAlias(TablePlan &t, const QString &base) const
{
    QString alias = base;
    for (int n = 2; !keyFree(t, alias); ++n)
        alias = base + QString::number(n);
    return alias;
}

void ImportPlanner::warn(const TablePlan &t, const QString &column, const QString &message,
                         const QString &covers)
{
    m_covered.insert({t.cat->name, covers});
    QString path = jsonPathKey(QStringLiteral("tables"), t.cat->name);
    QString where = QStringLiteral("table %1").arg(jsonQuote(t.cat->name));
    if (!column.isEmpty()) {
        path = jsonPathIndex(jsonPathKey(path, QStringLiteral("columns")), t.columnIndex(column));
        where += QStringLiteral(", column %1").arg(jsonQuote(column));
    }
    m_diagnostics << Diagnostic::warning(path, where + QStringLiteral(": ") + message);
}

void ImportPlanner::addForeignKey(TablePlan &t, const CatalogForeignKey &fk)
{
    const QString &column = fk.from;
    const int ri = m_byTable.value(fk.table, -1);
    if (ri < 0 || m_tables[ri].columnIndex(fk.to) < 0) {
        warn(t, column,
             QStringLiteral("references %1.%2, which the catalog does not list; imported "
                            "without the foreign key")
                 .arg(jsonQuote(fk.table), jsonQuote(fk.to)),
             QStringLiteral("#foreign keys"));
        return;
    }
    TablePlan &r = m_tables[ri];
    const QString pk = pkAttribute(r);
    if (r.cat->primaryKey.size() > 1 && r.cat->primaryKey.contains(fk.to)) {
        warn(t, column,
             QStringLiteral("references part of the composite primary key of %1, which "
                            "Sequelize never constrains; imported without the foreign key")
                 .arg(jsonQuote(fk.table)),
             QStringLiteral("#foreign keys"));
        return;
    }
    const QString key = r.attrOfColumn.value(fk.to, attributeFor(r, fk.to));
    const int ci = t.columnIndex(column);
    const ColumnSpec &spec = t.specs[ci];
    const bool trailing = ci >= t.trailingBegin;
    const QString singular = singularize(r.model);
    const QString byDefault = camelize(singular + QLatin1Char('_') + pk);

    QString attr, as;
    if (!trailing) {
        attr = t.attrOfColumn.value(column);
        as = aliasFor(attr, pk);
    } else if (columnOf(t.underscored, byDefault) == column) {
        attr = byDefault;
    } else {
        const QString named = t.underscored ? camelize(column) : column;
        as = aliasFor(named, pk);
        attr = !as.isEmpty() && columnOf(t.underscored, named) == column ? named
                                                                         : attributeFor(t, column);
        if (attr != named)
            as.clear();
    }
    if (as == singular)
        as.clear();
    if (!keyFree(t, as.isEmpty() ? singular : as))
        as = uniqueAlias(t, as.isEmpty() ? upperFirst(singular) : as);
    t.keys.insert(as.isEmpty() ? singular : as);
    t.attrOfColumn.insert(column, attr);

    Association bt;
    bt.type = AssociationType::BelongsTo;
    bt.source = t.model;
    bt.target = r.model;
    bt.as = alias(as);
    if (key != pk)
        bt.targetKey = key;
    const QString named = camelize((as.isEmpty() ? singular : as) + QLatin1Char('_') + pk);
    bool nullable = spec.allowNull.value_or(true);
    if (trailing) {
        // The attribute is the association's: what the catalog adds goes in its object.
        Attribute o;
        o.name = attr;
        o.hasName = attr != named;
        bool object = false;
        if (spec.type != typeOf(r, fk.to))
            o.type = spec.type;
        if (spec.allowNull == false)
            o.allowNull = false;
        if (t.uniqueColumn(column))
            o.unique = {UniqueSpec::Kind::Bool, true, QString()};
        o.defaultValue = spec.defaultValue;
        if (columnOf(t.underscored, attr) != column)
            o.field = column;
        object = o.type || o.allowNull || o.unique.isUnique() || o.defaultValue || o.field;
        if (object) {
            bt.foreignKey.kind = KeySpec::Kind::Object;
            bt.foreignKey.attribute = o;
        } else if (o.hasName) {
            bt.foreignKey = stringKey(attr);
        }
        nullable = spec.allowNull != false;
    } else if (attr != named) {
        bt.foreignKey = stringKey(attr);
    }
    if (fk.onDelete != (nullable ? kSetNull : kNoAction))
        bt.onDelete = fk.onDelete;
    if (fk.onUpdate != kCascade)
        bt.onUpdate = fk.onUpdate;
    m_schema.associations << bt;

    // The other side: changes no column (the belongsTo made it), names the accessors.
    const bool one = t.uniqueColumn(column);
    Association inv;
    inv.type = one ? AssociationType::HasOne : AssociationType::HasMany;
    inv.source = r.model;
    inv.target = t.model;
    if (key != pk)
        inv.sourceKey = key;
    const QString targetName = one ? singularize(t.model) : pluralize(t.model);
    QString invAs;
    if (attr != byDefault) {
        QString x = as.isEmpty() ? aliasFor(attr, pk) : as;
        invAs = uniqueAlias(r, upperFirst(x.isEmpty() ? attr : x) + upperFirst(targetName));
    } else if (!keyFree(r, targetName)) {
        invAs = uniqueAlias(r, upperFirst(targetName) + QStringLiteral("Via") + upperFirst(attr));
    }
    r.keys.insert(invAs.isEmpty() ? targetName : invAs);
    inv.as = alias(invAs);
    const QString invDefault =
        one ? camelize(singularize(invAs.isEmpty() ? r.model : invAs) + QLatin1Char('_') + pk)
            : byDefault;
    if (attr != invDefault)
        inv.foreignKey = stringKey(attr);
    m_schema.associations << inv;
}

void ImportPlanner::addJunction(TablePlan &j)
{
    const CatalogTable &c = *j.cat;
    const CatalogForeignKey *f[2] = {j.foreignKey(c.primaryKey[0]), j.foreignKey(c.primaryKey[1])};
    TablePlan *side[2] = {&m_tables[m_byTable.value(f[0]->table)],
                          &m_tables[m_byTable.value(f[1]->table)]};
    const bool self = side[0] == side[1];
    const bool u = side[0]->underscored; // the junction takes its source model's options
    QString attr[2], key[2], pk[2], byDefault[2];
    KeySpec spec[2];
    bool explicitKey[2];
    for (int i = 0; i < 2; ++i) {
        const TablePlan &s = *side[i];
        const QString &column = f[i]->from;
        pk[i] = pkAttribute(s);
        key[i] = s.attrOfColumn.value(f[i]->to, attributeFor(s, f[i]->to));
        byDefault[i] = camelize(singularize(s.model) + QLatin1Char('_') + key[i]);
        const QString camel = u ? camelize(column) : column;
        attr[i] = columnOf(u, byDefault[i]) == column ? byDefault[i]
                  : columnOf(u, camel) == column      ? camel
                                                      : column;
        Attribute o;
        o.name = attr[i];
        const DataType type = j.specs[j.columnIndex(column)].type;
        if (type != typeOf(s, f[i]->to))
            o.type = type;
        if (columnOf(u, attr[i]) != column)
            o.field = column;
        if (o.type || o.field) {
            spec[i].kind = KeySpec::Kind::Object;
            spec[i].attribute = o;
        } else {
            spec[i] = stringKey(attr[i]);
        }
        explicitKey[i] = self || attr[i] != byDefault[i] || spec[i].kind == KeySpec::Kind::Object;
    }
    std::optional<QString> inheritedDelete, inheritedUpdate;
    for (int i = 0; i < 2; ++i) {
        TablePlan &src = *side[i];
        const TablePlan &tgt = *side[1 - i];
        Association a;
        a.type = AssociationType::BelongsToMany;
        a.source = src.model;
        a.target = tgt.model;
        a.through = c.name;
        if (explicitKey[i])
            a.foreignKey = spec[i];
        if (explicitKey[1 - i])
            a.otherKey = spec[1 - i];
        if (key[i] != pk[i])
            a.sourceKey = key[i];
        if (key[1 - i] != pk[1 - i])
            a.targetKey = key[1 - i];
        QString as;
        const QString plural = pluralize(tgt.model);
        if (self) {
            const QString x = aliasFor(attr[1 - i], key[1 - i]);
            as = uniqueAlias(src, pluralize(upperFirst(x.isEmpty() ? attr[1 - i] : x)));
        } else if (!keyFree(src, plural)) {
            as = uniqueAlias(src, upperFirst(c.name) + upperFirst(plural));
        }
        src.keys.insert(as.isEmpty() ? plural : as);
        a.as = alias(as);
        // Its own actions go to its foreignKey; the other key keeps what the first
        // association stored there (spec §5.2), which defaults to the first's options.
        const QString wantDelete = f[i]->onDelete, wantUpdate = f[i]->onUpdate;
        if (wantDelete != inheritedDelete.value_or(kCascade))
            a.onDelete = wantDelete;
        if (wantUpdate != inheritedUpdate.value_or(kCascade))
            a.onUpdate = wantUpdate;
        inheritedDelete = a.onDelete;
        inheritedUpdate = a.onUpdate;
        m_schema.associations << a;
    }
}

} // namespace mc
