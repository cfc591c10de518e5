#pragma once

#include "document/document.h"

#include <QSizeF>
#include <QVector>

namespace mc {

/// Where models without a position go: a readable, deterministic placement for
/// imported projects and hand-written files. Models are layered by FK direction
/// (a referenced table above the tables that reference it), nodes never overlap
/// (sizes estimated from the column count), and disconnected parts sit side by
/// side in rows. Models outside \a models keep their place; the placed ones go
/// below them. Returns one change per model of \a models found in the document.
QVector<PositionChange> placeModels(const Document &document, const QVector<ModelId> &models);

/// The size placeModels() assumes for a model's node: 220 wide, 28 high plus 18
/// per column (derived FK columns included).
QSizeF estimatedNodeSize(const Document &document, ModelId model);

} // namespace mc
