#pragma once

#include "ddl/sqltypes.h"
#include "document/document.h"

#include <QString>
#include <QVector>

namespace mc {

/// One column row of a node, as painted.
struct NodeRow
{
    enum Kind { Key, Declared, ForeignKey, Implicit };
    QString name;
    QString type;
    QString toolTip;
    Kind kind = Declared;
    bool primaryKey = false;
};

/// What a node shows, computed from the document (the item only caches it).
struct NodeContent
{
    QString title;    ///< model name
    QString subtitle; ///< table name
    QVector<NodeRow> rows;
    QString toolTip;
    bool operator==(const NodeContent &o) const;
};

/// Where an association's FK goes, as the edge marks it.
enum class FkHolder { Source, Target, Junction };

/// What an edge shows.
struct EdgeContent
{
    AssociationType type = AssociationType::BelongsTo;
    QString badge;   ///< "1:1", "n:1", "1:n", "n:m"
    QString alias;   ///< the `as` key when it was given
    QString fkName;  ///< the FK attribute
    QString through; ///< junction model name (belongsToMany)
    FkHolder holder = FkHolder::Source;
    bool many = false; ///< the holder end is a "many" end
    bool noConstraint = false;
    QString toolTip; ///< title and the accessors
    QString title;   ///< "User hasMany Picture (Pictures)"
};

NodeContent modelNodeContent(const Document &document, ModelId id, Dialect dialect);
/// A junction Sequelize created from a `through` string (derived().tables[table]).
NodeContent junctionNodeContent(const Document &document, int table, Dialect dialect);
EdgeContent associationEdgeContent(const Document &document, AssociationId id);
/// "User hasMany Picture (Pictures)": the association as people read it.
QString associationTitle(const Document &document, AssociationId id);

} // namespace mc
