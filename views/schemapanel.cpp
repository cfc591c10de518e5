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

QString dialectLabel(Dialect d)
{
    switch (d) {
    case Dialect::SQLite:
        return QStringLiteral("SQLite");
    case Dialect::Postgres:
        return QStringLiteral("PostgreSQL");
    case Dialect::MySQL:
        return QStringLiteral("MySQL");
    }
    return QString();
}

} // namespace

SchemaPanel::SchemaPanel(QWidget *parent)
    : QWidget(parent), m_orderLabel(new QLabel(this)), m_alertLabel(new QLabel(this)),
      m_dialectCombo(new QComboBox(this)), m_view(new QTreeView(this)),
      m_model(new QStandardItemModel(this))
{
    for (Dialect d : {Dialect::SQLite, Dialect::Postgres, Dialect::MySQL})
        m_dialectCombo->addItem(dialectLabel(d), int(d));
    m_dialectCombo->setToolTip(tr("SQL dialect of the type and default columns"));
    connect(m_dialectCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setDialect(Dialect(m_dialectCombo->itemData(i).toInt())); });

    m_orderLabel->setWordWrap(true);
    m_orderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The alert repeats what the problems panel lists, next to the tables it concerns.
    m_alertLabel->setWordWrap(true);
    m_alertLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_alertLabel);
    layout->addWidget(m_view, 1);
    updateHeader();
}

QAbstractItemModel *SchemaPanel::model() const
{
    return m_model;
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
    // Only type and default SQL depend on the dialect: update in place so the
    // user's expanded/collapsed state survives.
    updateSqlCells();
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
                                        tr("SQL type (%1)").arg(dialectLabel(m_dialect)),
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
    }

    QStringList order = m_analysis.order;
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

    // Tables and their columns open; the accessor lists are long, so they start closed.
    m_view->expandToDepth(1);
    for (int t = 0; t < m_model->rowCount(); ++t) {
        const QModelIndex table = m_model->index(t, NameColumn);
        for (int g = 0; g < m_model->rowCount(table); ++g) {
            const QModelIndex group = m_model->index(g, NameColumn, table);
            if (m_model->itemFromIndex(group)->child(0)->data(KindRole).toInt() == AccessorItem)
                m_view->collapse(group);
        }
    }
    for (int c = 0; c < ColumnCount - 1; ++c) {
        m_view->resizeColumnToContents(c);
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c) + 12, 360));
    }
}

void SchemaPanel::fillTable(QStandardItem *tableRow, int tableIndex)
{
    const DerivedTable &table = m_derived.tables[tableIndex];
    QString kind = tr("model %1").arg(table.model);
    QString tip = tr("Table %1 of model %2").arg(table.table, table.model);
    if (table.junction && table.modelIndex < 0) {
        kind = tr("junction (through '%1')").arg(table.model);
        tip = tr("Junction table Sequelize creates for the belongsToMany 'through' string %1")
                  .arg(table.model);
    } else if (table.junction) {
        kind = tr("junction model %1").arg(table.model);
        tip = tr("Declared model %1, used as 'through' by a belongsToMany").arg(table.model);
    }
    const int row = tableRow->row();
    m_model->item(row, TypeColumn)->setText(kind);
    m_model->item(row, TypeColumn)->setToolTip(tip);
    tableRow->setToolTip(tip);
    const QString cycle = cycleMembership(table.table);
    if (!cycle.isEmpty()) {
        QStandardItem *origin = m_model->item(row, OriginColumn);
        origin->setText(cycle);
        origin->setForeground(QColor(0x9a, 0x60, 0x00));
        origin->setToolTip(tr("Sequelize >= 6.20 creates these tables in definition order; "
                              "6.19 and earlier refuse them. See the Problems panel."));
    }
    addColumns(tableRow, tableIndex);
    addIndexes(tableRow, table.uniques, true);
    addIndexes(tableRow, table.indexes, false);
    addAccessors(tableRow, table);
}

void SchemaPanel::addColumns(QStandardItem *tableRow, int tableIndex)
{
    const DerivedTable &table = m_derived.tables[tableIndex];
    auto *group = cell(tr("Columns (%1)").arg(table.columns.size()));
    group->setData(GroupItem, KindRole);
    tableRow->appendRow(padded({group}));
    for (int c = 0; c < table.columns.size(); ++c)
        group->appendRow(columnRow(tableIndex, c));
}

QList<QStandardItem *> SchemaPanel::columnRow(int tableIndex, int columnIndex) const
{
    const DerivedTable &table = m_derived.tables[tableIndex];
    const DerivedColumn &c = table.columns[columnIndex];
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *name = cell(c.column, c.attribute != c.column
                                    ? tr("Attribute %1, column %2").arg(c.attribute, c.column)
                                    : QString());
    name->setData(ColumnItem, KindRole);
    name->setData(c.origin != ColumnOrigin::Declared, DerivedRole);
    name->setData(tableIndex, TableIndexRole);
    name->setData(columnIndex, ColumnIndexRole);
    auto *type = cell(c.type.toString());
    auto *sql = cell(columnTypeSql(c.type, m_dialect, table.table, c.column));
    type->setFont(mono);
    sql->setFont(mono);
    auto *constraints = cell(constraintsText(c, m_dialect));
    if (!c.allowNull)
        constraints->setToolTip(tr("allowNull is not set: the column is nullable"));

    QStandardItem *reference = cell(QString());
    int via = c.associationIndex;
    if (via < 0) {
        // A declared attribute named as an association's foreignKey is still its FK.
        for (const ResolvedAssociation &r : m_derived.associations) {
            if (r.applied && r.holderTable == table.table &&
                (r.foreignKey == c.attribute || r.otherKey == c.attribute))
                via = r.index;
        }
    }
    if (c.hasReference) {
        reference->setText(referenceText(c));
        reference->setToolTip(tr("FOREIGN KEY (%1) REFERENCES %2 (%3) of model %4")
                                  .arg(c.column, c.refTable, c.refColumn, c.refModel));
    } else if (via >= 0) {
        reference->setText(tr("no constraint"));
        reference->setToolTip(tr("Foreign key column without REFERENCES: %1 has "
                                 "\"constraints\": false, so the database does not check it")
                                  .arg(associationText(via)));
    }

    QString origin = tr("declared");
    QString why;
    switch (c.origin) {
    case ColumnOrigin::ImplicitId:
        origin = tr("derived: implicit id");
        why = tr("Sequelize adds this primary key because the model declares none");
        break;
    case ColumnOrigin::Timestamp:
        origin = tr("derived: timestamp");
        why = tr("Sequelize adds this column because timestamps are on for this model");
        break;
    case ColumnOrigin::ForeignKey:
        origin = tr("derived: FK of %1").arg(associationText(c.associationIndex));
        why = tr("Sequelize adds this foreign key for %1; it is not in the file and follows "
                 "the association")
                  .arg(associationText(c.associationIndex));
        break;
    case ColumnOrigin::Declared:
        if (via >= 0)
            origin = tr("declared; FK of %1").arg(associationText(via));
        break;
    }
    QList<QStandardItem *> row{name, type, sql, constraints, reference, cell(origin)};
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
        const QString what =
            uniques || ix.unique ? QStringLiteral("UNIQUE") : QStringLiteral("INDEX");
        auto *columns =
            cell(QStringLiteral("%1 (%2)").arg(what, ix.columns.join(QLatin1String(", "))));
        group->appendRow(padded({name, cell(QString()), cell(QString()), columns}));
    }
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

void SchemaPanel::updateSqlCells()
{
    for (int t = 0; t < m_model->rowCount(); ++t) {
        QStandardItem *table = m_model->item(t);
        for (int g = 0; g < table->rowCount(); ++g) {
            QStandardItem *group = table->child(g);
            for (int r = 0; r < group->rowCount(); ++r) {
                QStandardItem *name = group->child(r, NameColumn);
                if (name->data(KindRole).toInt() != ColumnItem)
                    continue;
                const DerivedTable &dt = m_derived.tables[name->data(TableIndexRole).toInt()];
                const DerivedColumn &c = dt.columns[name->data(ColumnIndexRole).toInt()];
                group->child(r, SqlTypeColumn)
                    ->setText(columnTypeSql(c.type, m_dialect, dt.table, c.column));
                group->child(r, ConstraintsColumn)->setText(constraintsText(c, m_dialect));
            }
        }
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

QString SchemaPanel::cycleMembership(const QString &table) const
{
    for (const Cycle &c : m_analysis.cycles) {
        if (!c.tables.contains(table))
            continue;
        QStringList others = c.tables;
        others.removeAll(table);
        return tr("in FK cycle with %1").arg(others.join(QLatin1String(", ")));
    }
    return QString();
}

void SchemaPanel::markDerived(const QList<QStandardItem *> &row, const QString &why) const
{
    // Derived rows are what Sequelize adds: italic and muted so the declared ones,
    // the only ones a file edit changes directly, stand out.
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text), base = pal.color(QPalette::Base);
    const QColor muted((text.red() * 3 + base.red() * 2) / 5,
                       (text.green() * 3 + base.green() * 2) / 5,
                       (text.blue() * 3 + base.blue() * 2) / 5);
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
