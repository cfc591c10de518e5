#include "schema.h"

namespace mc {

QString associationTypeName(AssociationType t)
{
    switch (t) {
    case AssociationType::BelongsTo:
        return QStringLiteral("belongsTo");
    case AssociationType::HasOne:
        return QStringLiteral("hasOne");
    case AssociationType::HasMany:
        return QStringLiteral("hasMany");
    case AssociationType::BelongsToMany:
        return QStringLiteral("belongsToMany");
    }
    return QString();
}

std::optional<AssociationType> associationTypeFromName(const QString &s)
{
    for (AssociationType t : {AssociationType::BelongsTo, AssociationType::HasOne,
                              AssociationType::HasMany, AssociationType::BelongsToMany}) {
        if (s == associationTypeName(t))
            return t;
    }
    return std::nullopt;
}

int Schema::modelIndex(const QString &name) const
{
    for (int i = 0; i < models.size(); ++i) {
        if (models[i].name == name)
            return i;
    }
    return -1;
}

} // namespace mc
