#include "schemapanel.h"

#include "rules/lint.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace mc {

namespace {

QStandardItem *cell(const QString &text, const QString &tip = QString())
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setToolTip(tip);
    return item;
}

QList<QStandardItem *> padded(QList<QStandardItem *> row)
{
    while (row.size() < SchemaPanel::ColumnCount)
        row << cell(QString());
    return row;
}

QString plural(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString constraintsText(const DerivedColumn &c, Dialect dialect)
{
    QStringList parts;
    if (c.primaryKey)
        parts << QStringLiteral("PK");
    if (c.autoIncrement)
        parts << QStringLiteral("AUTOINCREMENT");
    if (c.notNull())
        parts << QStringLiteral("NOT NULL");
    if (c.uniqueInline)
        parts << QStringLiteral("UNIQUE");
    if (!c.uniqueGroup.isEmpty())
        parts << QStringLiteral("UNIQUE '%1'").arg(c.uniqueGroup);
    if (c.defaultValue)
        parts << QStringLiteral("DEFAULT ") + defaultValueSql(*c.defaultValue, c.type, dialect);
    return parts.join(QLatin1String(", "));
}

QString referenceText(const DerivedColumn &c)
{
    QString s = QStringLiteral("\u2192 %1.%2").arg(c.refTable, c.refColumn);
    if (!c.onDelete.isEmpty())
        s += QStringLiteral(" ON DELETE ") + c.onDelete;
    if (!c.onUpdate.isEmpty())
        s += QStringLiteral(" ON UPDATE ") + c.onUpdate;
    return s;
}

} // namespace

SchemaPanel::SchemaPanel(QWidget *parent)
    : QWidget(parent), m_orderLabel(new QLabel(this)), m_alertLabel(new QLabel(this)),
      m_dialectCombo(new QComboBox(this)), m_view(new QTreeView(this)),
      m_model(new QStandardItemModel(this))
{
    m_dialectCombo->addItem(QStringLiteral("SQLite"), int(Dialect::SQLite));
    m_dialectCombo->addItem(QStringLiteral("PostgreSQL"), int(Dialect::Postgres));
    m_dialectCombo->addItem(QStringLiteral("MySQL"), int(Dialect::MySQL));
    m_dialectCombo->setToolTip(tr("SQL dialect of the type and default columns"));
    connect(m_dialectCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setDialect(Dialect(m_dialectCombo->itemData(i).toInt())); });

    for (QLabel *label : {m_orderLabel, m_alertLabel}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    // The alert repeats what the problems panel lists, next to the tables it concerns.
    m_alertLabel->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; "
                                               "border: 1px solid #e0c060; padding: 4px; }"));
    m_alertLabel->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_orderLabel, 1);
    top->addWidget(new QLabel(tr("SQL dialect:"), this));
    top->addWidget(m_dialectCombo);

    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_alertLabel);
    layout->addWidget(m_view, 1);
    updateHeader();
}

void SchemaPanel::setSchema(const Schema &schema, const DerivedSchema &derived,
                            const Analysis &analysis)
{
    m_schema = schema;
    m_derived = derived;
    m_analysis = analysis;
    m_loaded = true;
    rebuild();
}

void SchemaPanel::setDialect(Dialect dialect)
{
    if (dialect == m_dialect)
        return;
    m_dialect = dialect;
    m_dialectCombo->setCurrentIndex(m_dialectCombo->findData(int(dialect)));
    // Only type and default SQL depend on the dialect: update in place, keep expansion.
    updateSqlCells(m_model->invisibleRootItem());
    updateHeader();
    Q_EMIT dialectChanged(dialect);
}

QString SchemaPanel::summary() const
{
    if (!m_loaded)
        return tr("No schema loaded");
    QString s =
        QStringLiteral("%1, %2, %3; ")
            .arg(plural(m_schema.models.size(), tr("model"), tr("models")),
                 plural(m_derived.tables.size(), tr("table"), tr("tables")),
                 plural(m_schema.associations.size(), tr("association"), tr("associations")));
    s += m_analysis.cycles.isEmpty() ? tr("creation order ok")
                                     : plural(m_analysis.cycles.size(), tr("cycle"), tr("cycles"));
    if (m_derived.error)
        s += tr("; Sequelize stops at %1").arg(m_derived.error->path);
    return s;
}

void SchemaPanel::updateHeader()
{
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Type"),
                                        tr("SQL type (%1)").arg(m_dialectCombo->currentText()),
                                        tr("Constraints"), tr("References"), tr("Origin")});
}

void SchemaPanel::rebuild()
{
    m_model->removeRows(0, m_model->rowCount());
    QVector<int> shown;
    for (const QString &table : m_analysis.order) {
        const int t = m_derived.tableIndexByName(table);
        if (t >= 0 && !shown.contains(t))
            shown << t;
    }
    const int ordered = shown.size();
    // Tables outside the order (a second model on a shared table) are still listed.
    for (int t = 0; t < m_derived.tables.size(); ++t) {
        if (!shown.contains(t))
            shown << t;
    }
    for (int i = 0; i < shown.size(); ++i) {
        const DerivedTable &table = m_derived.tables[shown[i]];
        const QString number = i < ordered ? QStringLiteral("%1. ").arg(i + 1) : QString();
        auto *name = cell(number + table.table);
        name->setData(TableItem, KindRole);
        name->setData(shown[i], TableIndexRole);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        m_model->appendRow(padded({name}));
        fillTable(name, shown[i]);
        m_view->expand(name->index());
    }
    updateBanner();
    for (int c = 0; c < ColumnCount - 1; ++c) {
        m_view->resizeColumnToContents(c);
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c) + 12, 360));
    }
}

void SchemaPanel::updateBanner()
{
    const QStringList &order = m_analysis.order;
    m_orderLabel->setText(
        m_analysis.cyclic() ? tr("Creation order (definition order, as the foreign keys form "
                                 "a cycle): %1")
                                  .arg(order.join(QLatin1String(", ")))
                            : tr("Creation order: %1").arg(order.join(QStringLiteral(" \u2192 "))));
    QStringList alerts;
    if (m_derived.error)
        alerts << tr("Sequelize stops defining at %1: %2")
                      .arg(m_derived.error->path, m_derived.error->message);
    for (const Cycle &c : m_analysis.cycles) {
        QString line = tr("FK cycle between %1").arg(c.tables.join(QLatin1String(", ")));
        if (c.suggestedFix >= 0)
            line += tr(" \u2014 fix: \"constraints\": false on %1")
                        .arg(associationText(c.suggestedFix));
        alerts << line;
    }
    m_alertLabel->setText(alerts.join(QLatin1Char('\n')));
    m_alertLabel->setVisible(!alerts.isEmpty());
}

void SchemaPanel::fillTable(QStandardItem *tableRow, int tableIndex)
{
    const DerivedTable &table = m_derived.tables[tableIndex];
    const bool created = table.junction && table.modelIndex < 0;
    QStandardItem *kind = m_model->item(tableRow->row(), TypeColumn);
    kind->setText((created          ? tr("junction (through '%1')")
                   : table.junction ? tr("junction model %1")
                                    : tr("model %1"))
                      .arg(table.model));
    kind->setToolTip(created ? tr("Sequelize creates this table for a belongsToMany 'through' "
                                  "string; no model declares it")
                             : tr("Table of the declared model %1").arg(table.model));
    for (const Cycle &c : m_analysis.cycles) {
        if (!c.tables.contains(table.table))
            continue;
        QStringList others = c.tables;
        others.removeAll(table.table);
        QStandardItem *origin = m_model->item(tableRow->row(), OriginColumn);
        origin->setText(tr("in FK cycle with %1").arg(others.join(QLatin1String(", "))));
        origin->setForeground(QColor(0x9a, 0x60, 0x00));
        origin->setToolTip(tr("Sequelize >= 6.20 creates these tables in definition order; "
                              "6.19 and earlier refuse them. See the Problems panel."));
    }
    // Tables and their columns open; the accessor lists are long, so they start closed.
    auto *group = cell(tr("Columns (%1)").arg(table.columns.size()));
    group->setData(GroupItem, KindRole);
    tableRow->appendRow(padded({group}));
    for (int c = 0; c < table.columns.size(); ++c)
        group->appendRow(columnRow(tableIndex, c));
    m_view->expand(group->index());
    addIndexes(tableRow, table.uniques, true);
    addIndexes(tableRow, table.indexes, false);
    addAccessors(tableRow, table);
}

QList<QStandardItem *> SchemaPanel::columnRow(int tableIndex, int columnIndex) const
{
    const DerivedTable &table = m_derived.tables[tableIndex];
    const DerivedColumn &c = table.columns[columnIndex];
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QList<QStandardItem *> row{
        cell(c.column, c.attribute != c.column ? tr("Attribute %1").arg(c.attribute) : QString()),
        cell(c.type.toString()),
        cell(columnTypeSql(c.type, m_dialect, table.table, c.column)),
        cell(constraintsText(c, m_dialect)),
        cell(QString()),
        cell(tr("declared"))};
    row[NameColumn]->setData(ColumnItem, KindRole);
    row[NameColumn]->setData(c.origin != ColumnOrigin::Declared, DerivedRole);
    row[NameColumn]->setData(tableIndex, TableIndexRole);
    row[NameColumn]->setData(columnIndex, ColumnIndexRole);
    row[TypeColumn]->setFont(mono);
    row[SqlTypeColumn]->setFont(mono);

    int via = c.associationIndex;
    // A declared attribute named as an association's foreignKey is still its FK.
    for (const ResolvedAssociation &r : m_derived.associations) {
        if (via < 0 && r.applied && r.holderTable == table.table &&
            (r.foreignKey == c.attribute || r.otherKey == c.attribute))
            via = r.index;
    }
    QStandardItem *reference = row[ReferenceColumn];
    if (c.hasReference) {
        reference->setText(referenceText(c));
        reference->setToolTip(tr("FOREIGN KEY (%1) REFERENCES %2 (%3) of model %4")
                                  .arg(c.column, c.refTable, c.refColumn, c.refModel));
    } else if (via >= 0) {
        reference->setText(tr("no constraint"));
        reference->setToolTip(tr("No REFERENCES clause: %1 has \"constraints\": false, so the "
                                 "database does not check this column")
                                  .arg(associationText(via)));
    }

    QStandardItem *origin = row[OriginColumn];
    QString why;
    if (c.origin == ColumnOrigin::ImplicitId) {
        origin->setText(tr("derived: implicit id"));
        why = tr("Sequelize adds this primary key because the model declares none");
    } else if (c.origin == ColumnOrigin::Timestamp) {
        origin->setText(tr("derived: timestamp"));
        why = tr("Sequelize adds this column because timestamps are on for this model");
    } else if (c.origin == ColumnOrigin::ForeignKey) {
        origin->setText(tr("derived: FK of %1").arg(associationText(via)));
        why = tr("Sequelize adds this foreign key for %1; it is not in the file")
                  .arg(associationText(via));
    } else if (via >= 0) {
        origin->setText(tr("declared; FK of %1").arg(associationText(via)));
    }
    if (c.origin != ColumnOrigin::Declared)
        markDerived(row, why);
    return row;
}

void SchemaPanel::addIndexes(QStandardItem *tableRow, const QVector<DerivedIndex> &indexes,
                             bool uniques)
{
    if (indexes.isEmpty())
        return;
    auto *group = cell(uniques ? tr("Unique constraints (%1)").arg(indexes.size())
                               : tr("Indexes (%1)").arg(indexes.size()));
    group->setData(GroupItem, KindRole);
    tableRow->appendRow(padded({group}));
    for (const DerivedIndex &ix : indexes) {
        auto *name = cell(ix.name);
        name->setData(uniques ? UniqueItem : IndexItem, KindRole);
        QList<QStandardItem *> row = padded({name});
        row[ConstraintsColumn]->setText(QStringLiteral("%1 (%2)").arg(
            uniques || ix.unique ? QLatin1String("UNIQUE") : QLatin1String("INDEX"),
            ix.columns.join(QLatin1String(", "))));
        group->appendRow(row);
    }
    m_view->expand(group->index());
}

void SchemaPanel::addAccessors(QStandardItem *tableRow, const DerivedTable &table)
{
    QStringList methods;
    for (const auto &entry : m_derived.accessors) {
        if (entry.first == table.model)
            methods = entry.second;
    }
    if (methods.isEmpty())
        return;
    std::sort(methods.begin(), methods.end());
    auto *group = cell(tr("Accessors (%1)").arg(methods.size()));
    group->setData(GroupItem, KindRole);
    tableRow->appendRow(padded({group}));
    for (const QString &m : methods) {
        int by = -1;
        for (const ResolvedAssociation &r : m_derived.associations) {
            if (r.source == table.model && r.accessors.contains(m))
                by = r.index;
        }
        auto *name = cell(m + QStringLiteral("()"));
        name->setData(AccessorItem, KindRole);
        name->setData(true, DerivedRole);
        name->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        QList<QStandardItem *> row = padded({name});
        row[OriginColumn]->setText(by >= 0 ? associationText(by) : QString());
        markDerived(row,
                    tr("Instance method Sequelize defines on %1 for %2")
                        .arg(table.model, by >= 0 ? associationText(by) : tr("an association")));
        group->appendRow(row);
    }
}

void SchemaPanel::updateSqlCells(QStandardItem *parent)
{
    for (int r = 0; r < parent->rowCount(); ++r) {
        QStandardItem *name = parent->child(r, NameColumn);
        if (name->data(KindRole).toInt() != ColumnItem) {
            updateSqlCells(name);
            continue;
        }
        const DerivedTable &t = m_derived.tables[name->data(TableIndexRole).toInt()];
        const DerivedColumn &c = t.columns[name->data(ColumnIndexRole).toInt()];
        parent->child(r, SqlTypeColumn)
            ->setText(columnTypeSql(c.type, m_dialect, t.table, c.column));
        parent->child(r, ConstraintsColumn)->setText(constraintsText(c, m_dialect));
    }
}

QString SchemaPanel::associationText(int index) const
{
    if (index < 0 || index >= m_schema.associations.size())
        return QString();
    return QStringLiteral("associations[%1] %2")
        .arg(index)
        .arg(describeAssociation(m_schema.associations[index]));
}

void SchemaPanel::markDerived(const QList<QStandardItem *> &row, const QString &why) const
{
    // Italic and muted: what Sequelize adds stays apart from what the file declares.
    QColor muted = palette().color(QPalette::Text);
    muted.setAlphaF(0.6);
    for (QStandardItem *item : row) {
        QFont f = item->font();
        f.setItalic(true);
        item->setFont(f);
        item->setForeground(muted);
        if (item->toolTip().isEmpty())
            item->setToolTip(why);
    }
}

} // namespace mc
