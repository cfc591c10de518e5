#pragma once

#include "db/importcolumns.h"
#include "domain/schema.h"

#include <QHash>
#include <QSet>

namespace mc {

/// How the importer represents one catalog table, and what it learnt about it.
struct TablePlan
{
    const CatalogTable *cat = nullptr;
    QVector<ColumnSpec> specs;    ///< one per catalog column
    bool forceModel = false;      ///< never a belongsToMany junction
    bool explicitColumns = false; ///< declare every column (no implicit id, no timestamps)

    // Decided by ImportPlanner::plan():
    bool junction = false;
    QString model;
    bool underscored = false;
    bool implicitId = false;
    bool timestamps = false;
    bool paranoid = false;
    int declaredEnd = 0;   ///< columns before it are declared attributes
    int trailingBegin = 0; ///< columns from it on: FK attributes that associations add
    QHash<QString, QString> attrOfColumn; ///< column name -> attribute name
    QSet<QString> keys;                   ///< association keys on this model as source

    int columnIndex(const QString &column) const;
    const CatalogForeignKey *foreignKey(const QString &column) const;
    bool uniqueColumn(const QString &column) const;
};

/// Builds the modelcanvas/1 schema for a set of table plans: models with their
/// options, attributes and indexes, then the associations that recreate each foreign
/// key (belongsTo plus hasMany/hasOne) and junction (a belongsToMany pair). Idiomatic
/// where it can (implicit id, timestamps, default names); importCatalog() verifies
/// the result and asks for explicit columns where it was wrong.
class ImportPlanner
{
public:
    ImportPlanner(QVector<TablePlan> &tables, Dialect dialect);

    Schema plan();
    /// Warnings about foreign keys and indexes the schema cannot express.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    /// The plan index of the table a model or a `through` names, -1 if none.
    int tableOfModel(const QString &model) const { return m_byModel.value(model, -1); }
    /// What the warnings so far cover: (table, column) or (table, `#indexes` /
    /// `#foreign keys`), so that the final comparison does not say it twice.
    const QSet<QPair<QString, QString>> &covered() const { return m_covered; }

private:
    void decideGlobals();
    QVector<int> definitionOrder() const;
    bool junctionShape(TablePlan &t) const;
    void nameModels();
    void layout(TablePlan &t);
    Model buildModel(TablePlan &t);
    void addForeignKey(TablePlan &t, const CatalogForeignKey &fk);
    void addJunction(TablePlan &j);
    QString attributeFor(const TablePlan &t, const QString &column) const;
    QString declaredName(const TablePlan &t, const QString &column) const;
    QString columnOf(bool underscored, const QString &attribute) const;
    QString pkAttribute(const TablePlan &t) const;
    DataType typeOf(const TablePlan &t, const QString &column) const;
    QString uniqueAlias(TablePlan &t, const QString &base) const;
    bool keyFree(const TablePlan &t, const QString &key) const;
    void warn(const TablePlan &t, const QString &column, const QString &message,
              const QString &covers);

    QVector<TablePlan> &m_tables;
    Dialect m_dialect;
    ColumnMatcher m_matcher;
    Schema m_schema;
    bool m_underscored = false;
    bool m_timestamps = true;
    QHash<QString, int> m_byTable;
    QHash<QString, int> m_byModel;
    QSet<QString> m_junctionNames;
    QSet<QPair<QString, QString>> m_covered;
    Diagnostics m_diagnostics;
};

} // namespace mc
