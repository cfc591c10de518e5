#include "nodecontent.h"

#include <QCoreApplication>

#include <algorithm>

namespace mc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mc::NodeContent", text);
}

int rank(ColumnOrigin origin)
{
    switch (origin) {
    case ColumnOrigin::ImplicitId:
        return 0;
    case ColumnOrigin::Declared:
        return 1;
    case ColumnOrigin::ForeignKey:
        return 2;
    case ColumnOrigin::Timestamp:
        return 3;
    }
    return 1;
}

NodeRow columnRow(const Document &document, const DerivedTable &table, const DerivedColumn &c,
                  Dialect dialect)
{
    NodeRow row;
    row.name = c.attribute;
    row.type = columnTypeSql(c.type, dialect, table.table, c.column);
    row.primaryKey = c.primaryKey;
    switch (c.origin) {
    case ColumnOrigin::ImplicitId:
    case ColumnOrigin::Timestamp:
        row.kind = NodeRow::Implicit;
        break;
    case ColumnOrigin::Declared:
        row.kind = NodeRow::Declared;
        break;
    case ColumnOrigin::ForeignKey:
        row.kind = NodeRow::ForeignKey;
        break;
    }
    QStringList tip{QStringLiteral("%1 %2").arg(c.column, row.type)};
    if (c.origin == ColumnOrigin::ForeignKey && c.associationIndex >= 0)
        tip << tr("Derived: added by %1")
                   .arg(associationTitle(document, document.associationIdAt(c.associationIndex)));
    else if (c.origin == ColumnOrigin::ImplicitId)
        tip << tr("Derived: Sequelize's implicit primary key");
    else if (c.origin == ColumnOrigin::Timestamp)
        tip << tr("Derived: timestamp");
    if (c.hasReference)
        tip << tr("References %1(%2)").arg(c.refTable, c.refColumn);
    row.toolTip = tip.join(QLatin1Char('\n'));
    if (c.hasReference && row.kind != NodeRow::ForeignKey)
        row.kind = NodeRow::Key;
    return row;
}

QVector<NodeRow> tableRows(const Document &document, const DerivedTable &table, Dialect dialect)
{
    QVector<NodeRow> rows;
    rows.reserve(table.columns.size());
    QVector<int> order(table.columns.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return rank(table.columns[a].origin) < rank(table.columns[b].origin);
    });
    for (int i : order)
        rows << columnRow(document, table, table.columns[i], dialect);
    return rows;
}

/// Declared attributes only: the model has no derived table (a define error stopped
/// Sequelize before it).
QVector<NodeRow> declaredRows(const Model &model, Dialect dialect)
{
    QVector<NodeRow> rows;
    for (const Attribute &a : model.attributes) {
        NodeRow row;
        row.name = a.name;
        row.type = a.type ? columnTypeSql(*a.type, dialect) : QString();
        row.primaryKey = a.isPrimaryKey();
        row.toolTip = row.name;
        rows << row;
    }
    return rows;
}

QString badgeOf(AssociationType type)
{
    switch (type) {
    case AssociationType::BelongsTo:
        return QStringLiteral("n:1");
    case AssociationType::HasOne:
        return QStringLiteral("1:1");
    case AssociationType::HasMany:
        return QStringLiteral("1:n");
    case AssociationType::BelongsToMany:
        return QStringLiteral("n:m");
    }
    return QString();
}

} // namespace

bool NodeContent::operator==(const NodeContent &o) const
{
    if (title != o.title || subtitle != o.subtitle || toolTip != o.toolTip ||
        rows.size() != o.rows.size())
        return false;
    for (int i = 0; i < rows.size(); ++i) {
        const NodeRow &a = rows[i];
        const NodeRow &b = o.rows[i];
        if (a.name != b.name || a.type != b.type || a.toolTip != b.toolTip || a.kind != b.kind ||
            a.primaryKey != b.primaryKey)
            return false;
    }
    return true;
}

NodeContent modelNodeContent(const Document &document, ModelId id, Dialect dialect)
{
    NodeContent content;
    const Model *model = document.model(id);
    if (!model)
        return content;
    content.title = model->name;
    const int t = document.tableOf(id);
    if (t >= 0) {
        const DerivedTable &table = document.derived().tables[t];
        content.subtitle = table.table;
        content.rows = tableRows(document, table, dialect);
    } else {
        content.subtitle = model->tableName.value_or(QString());
        content.rows = declaredRows(*model, dialect);
    }
    content.toolTip = tr("Model %1, table %2").arg(content.title, content.subtitle);
    return content;
}

NodeContent junctionNodeContent(const Document &document, int table, Dialect dialect)
{
    NodeContent content;
    const DerivedTable &t = document.derived().tables.value(table);
    content.title = t.model;
    content.subtitle = t.table;
    content.rows = tableRows(document, t, dialect);
    content.toolTip = tr("Junction table %1, derived from belongsToMany (read-only)").arg(t.table);
    return content;
}

QString associationTitle(const Document &document, AssociationId id)
{
    const Association *a = document.association(id);
    if (!a)
        return QString();
    QString title =
        QStringLiteral("%1 %2 %3").arg(a->source, associationTypeName(a->type), a->target);
    const ResolvedAssociation *r = document.resolved(id);
    if (r && r->applied && !r->as.isEmpty())
        title += QStringLiteral(" (%1)").arg(r->as);
    return title;
}

EdgeContent associationEdgeContent(const Document &document, AssociationId id)
{
    EdgeContent content;
    const Association *a = document.association(id);
    if (!a)
        return content;
    content.type = a->type;
    content.badge = badgeOf(a->type);
    content.noConstraint = a->constraints.has_value() && !*a->constraints;
    content.title = associationTitle(document, id);
    switch (a->type) {
    case AssociationType::BelongsTo:
        content.holder = FkHolder::Source;
        content.many = true;
        break;
    case AssociationType::HasOne:
        content.holder = FkHolder::Target;
        break;
    case AssociationType::HasMany:
        content.holder = FkHolder::Target;
        content.many = true;
        break;
    case AssociationType::BelongsToMany:
        content.holder = FkHolder::Junction;
        content.many = true;
        break;
    }
    const ResolvedAssociation *r = document.resolved(id);
    QStringList tip{content.title};
    if (a->as.kind != AliasSpec::Kind::Absent && r)
        content.alias = r->as;
    if (r && r->applied) {
        content.fkName = r->foreignKey;
        content.through = r->through;
        tip << tr("FK %1 on %2").arg(r->foreignKey, r->holderTable);
        QString self = a->source;
        if (!self.isEmpty())
            self[0] = self[0].toLower();
        for (const QString &method : r->accessors)
            tip << QStringLiteral("%1.%2()").arg(self, method);
    } else {
        tip << tr("Not applied: Sequelize stopped before this association");
    }
    if (content.noConstraint)
        tip << tr("constraints: false (no FK constraint)");
    content.toolTip = tip.join(QLatin1Char('\n'));
    return content;
}

} // namespace mc
