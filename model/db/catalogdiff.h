#pragma once

#include "db/applytypes.h"
#include "ddl/sqltypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mc {

/// A constraint or index of a live table that alter may have to drop by its name.
struct LiveObject
{
    enum Kind { ForeignKey, UniqueConstraint, Index };
    Kind kind = Index;
    QString name;
    QStringList columns;
    bool unique = false;        ///< Index: a unique index (PostgreSQL: one no constraint owns)
    bool forForeignKey = false; ///< MariaDB: the index InnoDB made by itself for a foreign key
};

/// One table of a live server database, as the force and alter planners need it.
struct LiveTable
{
    QJsonObject catalog; ///< the catalog reader's entry (readPostgresCatalog/readMysqlCatalog)
    qint64 rows = 0;     ///< counted for the design's tables only
    QVector<LiveObject> objects;
    QString createSql; ///< MariaDB: SHOW CREATE TABLE, for compensating statements
    /// PostgreSQL: the labels of each ENUM column's type, by column. The catalog
    /// names the type only, so a change of labels is found here.
    QMap<QString, QStringList> enumLabels;
};

/// The live database by table name.
using LiveSchema = QMap<QString, LiveTable>;

/// One statement of a server plan. `table` is set on the first statement of the work
/// on a table (what progress reports). `undo` is the compensating statement MariaDB
/// runs if a later one fails (empty: nothing to undo, or see `lost`); `lost` says
/// what undo cannot bring back (a dropped column's values).
struct AlterStep
{
    QString sql;
    QString table;
    QStringList undo;
    QString lost;
    /// MariaDB: an ADD FOREIGN KEY whose constraint name is only known once it ran.
    QString undoForeignKeyOf;
};

/// What a server planner decided: the statements (none: nothing to do) or why
/// nothing may run.
struct AlterPlan
{
    QVector<AlterStep> steps;
    QStringList notes;            ///< for people: tables left alone
    QString error;                ///< non-empty: refused before changing anything
    bool dataLossRefused = false; ///< the error is dataLossRefusal()
};

/// The gap between one live table and the design's, in catalog terms.
struct TableDiff
{
    QStringList addedColumns, droppedColumns, changedColumns; ///< column names
    QVector<QJsonObject> addedForeignKeys, droppedForeignKeys;
    QVector<QStringList> addedUniques, droppedUniques, addedIndexes, droppedIndexes;
    /// PostgreSQL ENUM columns whose type keeps its name but not its labels.
    QStringList relabeledColumns;
    bool primaryKeyChanged = false;

    bool isEmpty() const;
};

/// Compares a live catalog table with the predicted one (catalogTables()'s entry):
/// columns by name (type, nullability, default, auto-increment, MariaDB collation),
/// foreign keys as whole entries, uniques and indexes as multisets of column lists.
TableDiff diffCatalogTable(const QJsonObject &live, const QJsonObject &design);

/// How one engine writes the statements of an alter or force plan.
class AlterWriter
{
public:
    virtual ~AlterWriter() = default;
    virtual Dialect dialect() const = 0;
    /// The table's CREATE TABLE (PostgreSQL: its ENUM types first) and model indexes.
    virtual QVector<AlterStep> createTable(const DerivedTable &t, bool withForeignKeys) const = 0;
    virtual QVector<AlterStep> dropTables(const QStringList &tables,
                                          const LiveSchema &live) const = 0;
    virtual QVector<AlterStep> addColumn(const DerivedTable &t, const DerivedColumn &c,
                                         const LiveTable &live) const = 0;
    virtual QVector<AlterStep> changeColumn(const DerivedTable &t, const DerivedColumn &c,
                                            const QJsonObject &liveColumn,
                                            const LiveTable &live) const = 0;
    /// \a t: the design's table (MariaDB puts an undone column back after the nearest
    /// column the design keeps).
    virtual AlterStep dropColumn(const DerivedTable &t, const QString &column,
                                 const LiveTable &live) const = 0;
    /// Gives the ENUM type of column \a c the design's labels (PostgreSQL only: there
    /// the labels live in the type, not in the column's catalog entry). \a alsoChanged:
    /// the same plan changes the column too (its default, say).
    virtual QVector<AlterStep> relabelEnum(const DerivedTable &t, const DerivedColumn &c,
                                           const LiveTable &live, bool alsoChanged) const
    {
        Q_UNUSED(t)
        Q_UNUSED(c)
        Q_UNUSED(live)
        Q_UNUSED(alsoChanged)
        return {};
    }
    virtual AlterStep addForeignKey(const DerivedTable &t, const DerivedColumn &c) const = 0;
    /// Drops a foreign key, unique constraint or index by name.
    virtual AlterStep dropObject(const QString &table, const LiveObject &o,
                                 const LiveTable &live) const = 0;
    /// A unique the design has: a model index, a `unique: true` column or a named group.
    virtual AlterStep addUnique(const DerivedTable &t, const QStringList &columns) const = 0;
    virtual AlterStep addIndex(const DerivedTable &t, const DerivedIndex &index) const = 0;
};

/// sync({force: true}): drops the design's tables that exist (reverse creation order),
/// then runs \a createDdl (generateDdl()'s statements). Refused, listing the tables and their row
/// counts, when a table to drop holds rows and \a allowDataLoss is false.
AlterPlan planServerForce(const DerivedSchema &derived, const Analysis &analysis,
                          const QStringList &createDdl, const LiveSchema &live, bool allowDataLoss,
                          const AlterWriter &writer);

/// The statements that turn \a live into catalogTables(derived, dialect, cyclic),
/// keeping rows, in phases: drop foreign keys that go or whose columns change, drop
/// uniques and indexes that go, add / change / drop columns, create missing tables,
/// add uniques and indexes, add foreign keys. Refused when a table with rows would get
/// a NOT NULL column without a default, or a primary key would change. Tables not in
/// the design are left alone (a note each).
AlterPlan planServerAlter(const DerivedSchema &derived, const Analysis &analysis,
                          const LiveSchema &live, const AlterWriter &writer);

/// "1 row", "N rows": how refusals and notes count a table's rows.
QString rowCount(qint64 n);

/// The design's table names in creation order, then any the order does not list.
QStringList designCreationOrder(const DerivedSchema &derived, const Analysis &analysis);

/// The table generateDdl() creates for \a name (the last model defined on it), or null.
const DerivedTable *findDesignTable(const DerivedSchema &derived, const QString &name);

} // namespace mc
