#pragma once

// What the panel tests share: the example document, loaded into a Document.

#include "document/document.h"
#include "io/schemareader.h"

#include <QString>

namespace paneltest {

/// The example (User hasMany Picture; User belongsTo Picture as ProfilePicture with
/// `constraints: false`). \a cyclic drops that `constraints: false`, which closes the
/// FK cycle of Sequelize's docs.
inline bool loadExample(mc::Document &document, bool cyclic = false)
{
    const mc::LoadResult result = mc::readSchemaFile(QStringLiteral(MC_EXAMPLE));
    if (!result.schema)
        return false;
    mc::Schema schema = *result.schema;
    if (cyclic)
        schema.associations[1].constraints.reset();
    document.reset(schema, QStringLiteral(MC_EXAMPLE));
    return true;
}

} // namespace paneltest
