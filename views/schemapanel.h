#pragma once

#include "ddl/sqltypes.h"
#include "domain/schema.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QStandardItemModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QTreeView;

namespace mc {

/// Read-only tree of the derived schema: tables in creation order with their columns
/// (declared vs derived), foreign keys, accessors, uniques and indexes, plus the
/// creation order and FK cycles above it. SQL types follow the chosen dialect.
class SchemaPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TypeColumn,
        SqlTypeColumn,
        ConstraintsColumn,
        ReferenceColumn,
        OriginColumn,
        ColumnCount
    };
    enum ItemKind { TableItem = 1, GroupItem, ColumnItem, AccessorItem, UniqueItem, IndexItem };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< ItemKind of the row (on the NameColumn item)
        DerivedRole,                 ///< true when Sequelize adds the item, not the file
        TableIndexRole,              ///< index into DerivedSchema::tables
        ColumnIndexRole              ///< index into DerivedTable::columns
    };

    explicit SchemaPanel(QWidget *parent = nullptr);

    /// Shows a derived schema; copies are kept so a dialect change can re-render.
    void setSchema(const Schema &schema, const DerivedSchema &derived, const Analysis &analysis);

    /// The schema shown (empty until setSchema()), for views that export it.
    const DerivedSchema &derived() const { return m_derived; }
    const Analysis &analysis() const { return m_analysis; }

    Dialect dialect() const { return m_dialect; }
    void setDialect(Dialect dialect);

    /// `2 models, 2 tables, 2 associations; creation order ok` (or `1 cycle`).
    QString summary() const;

    /// The tree's model, for tests and for views that want to follow the schema.
    QAbstractItemModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void dialectChanged(mc::Dialect dialect);

private:
    void rebuild();
    void updateHeader();
    void updateBanner();
    void updateSqlCells(QStandardItem *parent);
    void fillTable(QStandardItem *tableRow, int tableIndex);
    void addAccessors(QStandardItem *tableRow, const DerivedTable &table);
    void addIndexes(QStandardItem *tableRow, const QVector<DerivedIndex> &indexes, bool uniques);
    QList<QStandardItem *> columnRow(int tableIndex, int columnIndex) const;
    QString associationText(int index) const;
    void markDerived(const QList<QStandardItem *> &row, const QString &why) const;

    Schema m_schema;
    DerivedSchema m_derived;
    Analysis m_analysis;
    Dialect m_dialect = Dialect::SQLite;
    bool m_loaded = false;

    QLabel *m_orderLabel = nullptr;
    QLabel *m_alertLabel = nullptr;
    QComboBox *m_dialectCombo = nullptr;
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
};

} // namespace mc
