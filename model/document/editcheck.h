#pragma once

#include "domain/schema.h"
#include "io/diagnostic.h"

#include <optional>

namespace mc {

// Checks an edit against the file format before it reaches the document, with the
// loader's own validation (readSchema()) rather than a second copy of its rules:
// each check writes a small modelcanvas/1 document holding only the edited object
// and stubs for the models it names, reads it back, and maps the reader's paths
// (and the paths quoted in its messages) to the real document. Its cost depends on
// the edited object, not on the size of the schema. Sequelize's own errors (duplicate
// alias, unknown targetKey...) are not checked here: derive() reports them.

/// Problems the loader would report for models[\a modelIndex] replaced by \a after
/// (-1: \a after appended as a new model), including a name used by another model.
Diagnostics checkModelEdit(const Schema &schema, int modelIndex, const Model &after);

/// Problems the loader would report for associations[\a associationIndex] replaced
/// by \a after (-1: appended): unknown source or target (with the reader's "did you
/// mean" hint), keys that have no effect on the type, an incomplete `as` object...
Diagnostics checkAssociationEdit(const Schema &schema, int associationIndex,
                                 const Association &after);

/// Problems the loader would report for the global `options` replaced by \a options.
Diagnostics checkOptionsEdit(const ModelOptions &options);

/// Reads a type string typed by the user as the loader reads an attribute's `type`:
/// the DataType, or nullopt and the reader's reason in *error (if given).
std::optional<DataType> parseTypeEdit(const QString &text, QString *error = nullptr);

} // namespace mc
