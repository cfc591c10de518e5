#include "document/placement.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mc {

namespace {

constexpr double kNodeWidth = 220;
constexpr double kHeaderHeight = 28;
constexpr double kRowHeight = 18;
constexpr double kGapX = 60;
constexpr double kGapY = 80;
constexpr double kPartGap = 140; ///< between disconnected parts, and below placed models

/// The models to place as a graph: parents are the tables a node references.
struct Graph
{
    QVector<ModelId> ids; ///< node -> model, in document order
    QVector<QSizeF> sizes;
    QVector<QVector<int>> parents; ///< referenced nodes (cycles broken later)
    QVector<QVector<int>> links;   ///< undirected: FKs both ways, junction partners
};

void addUnique(QVector<int> &list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

Graph buildGraph(const Document &document, const QVector<ModelId> &models)
{
    QVector<ModelId> ids;
    for (ModelId id : models) {
        if (document.indexOfModel(id) >= 0 && !ids.contains(id))
            ids.append(id);
    }
    std::sort(ids.begin(), ids.end(), [&](ModelId a, ModelId b) {
        return document.indexOfModel(a) < document.indexOfModel(b);
    });
    Graph g;
    g.ids = ids;
    g.parents.resize(ids.size());
    g.links.resize(ids.size());
    QHash<int, int> nodeOfTable;
    for (int n = 0; n < ids.size(); ++n) {
        g.sizes.append(estimatedNodeSize(document, ids.at(n)));
        const int table = document.tableOf(ids.at(n));
        if (table >= 0)
            nodeOfTable.insert(table, n);
    }
    const QVector<DerivedTable> &tables = document.derived().tables;
    for (int t = 0; t < tables.size(); ++t) {
        const int node = nodeOfTable.value(t, -1);
        QVector<int> referenced;
        for (const TableReference &ref : tables.at(t).references) {
            const int parent = nodeOfTable.value(ref.table, -1);
            if (parent >= 0 && parent != node)
                addUnique(referenced, parent);
        }
        if (node >= 0) {
            for (int parent : referenced) {
                addUnique(g.parents[node], parent);
                addUnique(g.links[node], parent);
                addUnique(g.links[parent], node);
            }
        } else {
            // A junction drawn by the canvas: keep the models it joins together.
            for (int i = 1; i < referenced.size(); ++i) {
                addUnique(g.links[referenced.at(i - 1)], referenced.at(i));
                addUnique(g.links[referenced.at(i)], referenced.at(i - 1));
            }
        }
    }
    return g;
}

/// Longest-path layers over the parent edges; edges that close a cycle (found by a
/// depth-first walk in document order) are dropped from \a g.parents.
QVector<int> assignLayers(Graph &g)
{
    const int n = g.ids.size();
    QVector<int> state(n, 0); // 0 new, 1 on the walk, 2 done
    QVector<int> layer(n, 0);
    for (int root = 0; root < n; ++root) {
        if (state.at(root) != 0)
            continue;
        QVector<QPair<int, int>> stack{{root, 0}};
        state[root] = 1;
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            QVector<int> &parents = g.parents[node];
            if (next < parents.size()) {
                const int p = parents.at(next);
                if (state.at(p) == 1) {
                    parents.remove(next); // closes a cycle
                } else {
                    ++next;
                    if (state.at(p) == 0) {
                        state[p] = 1;
                        stack.append({p, 0});
                    }
                }
                continue;
            }
            int l = 0;
            for (int p : parents)
                l = std::max(l, layer.at(p) + 1);
            layer[node] = l;
            state[node] = 2;
            stack.removeLast();
        }
    }
    return layer;
}

QVector<QVector<int>> components(const Graph &g)
{
    const int n = g.ids.size();
    QVector<int> part(n, -1);
    QVector<QVector<int>> parts;
    for (int start = 0; start < n; ++start) {
        if (part.at(start) >= 0)
            continue;
        QVector<int> members{start};
        part[start] = parts.size();
        for (int i = 0; i < members.size(); ++i) {
            for (int next : g.links.at(members.at(i))) {
                if (part.at(next) < 0) {
                    part[next] = parts.size();
                    members.append(next);
                }
            }
        }
        std::sort(members.begin(), members.end());
        parts.append(members);
    }
    return parts;
}

/// Nodes of one part by layer, each layer ordered by where its parents sit.
QVector<QVector<int>> orderLayers(const Graph &g, const QVector<int> &members,
                                  const QVector<int> &layer)
{
    int depth = 0;
    for (int m : members)
        depth = std::max(depth, layer.at(m) + 1);
    QVector<QVector<int>> layers(depth);
    for (int m : members)
        layers[layer.at(m)].append(m);
    QHash<int, double> where; // relative position in its layer, 0..1
    auto remember = [&](const QVector<int> &row) {
        for (int i = 0; i < row.size(); ++i)
            where[row.at(i)] = (i + 0.5) / row.size();
    };
    remember(layers.value(0));
    for (int l = 1; l < depth; ++l) {
        QVector<int> &row = layers[l];
        remember(row);
        QHash<int, double> key;
        for (int m : row) {
            const QVector<int> &parents = g.parents.at(m);
            double sum = 0;
            for (int p : parents)
                sum += where.value(p);
            key[m] = parents.isEmpty() ? where.value(m) : sum / parents.size();
        }
        std::stable_sort(row.begin(), row.end(),
                         [&](int a, int b) { return key.value(a) < key.value(b); });
        remember(row);
    }
    return layers;
}

struct PartLayout
{
    QVector<QPair<int, QPointF>> nodes; ///< node, position relative to the part
    QSizeF size;
};

PartLayout layoutPart(const Graph &g, const QVector<int> &members, const QVector<int> &layer)
{
    const int perRow = std::max(8, int(std::ceil(std::sqrt(double(members.size())) * 2)));
    QVector<QVector<int>> rows;
    for (const QVector<int> &l : orderLayers(g, members, layer)) {
        for (int i = 0; i < l.size(); i += perRow)
            rows.append(l.mid(i, perRow));
    }
    auto rowWidth = [](const QVector<int> &row) {
        return row.size() * kNodeWidth + (row.size() - 1) * kGapX;
    };
    double width = 0;
    for (const QVector<int> &row : rows)
        width = std::max(width, rowWidth(row));
    PartLayout part;
    double y = 0;
    for (const QVector<int> &row : rows) {
        double x = std::round((width - rowWidth(row)) / 2);
        double height = 0;
        for (int m : row) {
            part.nodes.append({m, QPointF(x, y)});
            x += kNodeWidth + kGapX;
            height = std::max(height, g.sizes.at(m).height());
        }
        y += height + kGapY;
    }
    part.size = QSizeF(width, std::max(0.0, y - kGapY));
    return part;
}

/// Top-left corner for the new placement: below the models that keep their place.
QPointF origin(const Document &document, const QVector<ModelId> &placing)
{
    const QSet<ModelId> moving(placing.begin(), placing.end());
    bool any = false;
    double left = 0;
    double bottom = 0;
    for (int i = 0; i < document.modelCount(); ++i) {
        const ModelId id = document.modelIdAt(i);
        const Model *model = document.model(id);
        if (moving.contains(id) || !model || !model->position)
            continue;
        const double b = model->position->y() + estimatedNodeSize(document, id).height();
        left = any ? std::min(left, model->position->x()) : model->position->x();
        bottom = any ? std::max(bottom, b) : b;
        any = true;
    }
    return any ? QPointF(left, std::round(bottom + kPartGap)) : QPointF(0, 0);
}

} // namespace

QSizeF estimatedNodeSize(const Document &document, ModelId model)
{
    const int table = document.tableOf(model);
    const QVector<DerivedTable> &tables = document.derived().tables;
    int columns = 0;
    if (table >= 0 && table < tables.size())
        columns = tables.at(table).columns.size();
    else if (const Model *m = document.model(model))
        columns = m->attributes.size() + 1; // the implicit id, at least
    return QSizeF(kNodeWidth, kHeaderHeight + kRowHeight * columns);
}

QVector<PositionChange> placeModels(const Document &document, const QVector<ModelId> &models)
{
    Graph g = buildGraph(document, models);
    const QVector<int> layer = assignLayers(g);
    QVector<QVector<int>> parts = components(g);
    // Largest parts first; ties keep document order (parts are sorted by first node).
    std::stable_sort(parts.begin(), parts.end(), [](const QVector<int> &a, const QVector<int> &b) {
        return a.size() > b.size();
    });
    QVector<PartLayout> layouts;
    double widest = 0;
    double area = 0;
    for (const QVector<int> &members : parts) {
        layouts.append(layoutPart(g, members, layer));
        const QSizeF s = layouts.last().size;
        widest = std::max(widest, s.width());
        area += (s.width() + kPartGap) * (s.height() + kPartGap);
    }
    // Shelves about 1.5 times as wide as a square holding every part.
    const double shelfWidth = std::max(widest, std::sqrt(area) * 1.5);
    const QPointF start = origin(document, g.ids);
    QVector<PositionChange> out(g.ids.size());
    double x = 0;
    double y = 0;
    double shelfHeight = 0;
    for (const PartLayout &part : layouts) {
        if (x > 0 && x + part.size.width() > shelfWidth) {
            y += shelfHeight + kPartGap;
            x = 0;
            shelfHeight = 0;
        }
        for (const auto &[node, pos] : part.nodes)
            out[node] = PositionChange{g.ids.at(node), start + QPointF(x, y) + pos};
        x += part.size.width() + kPartGap;
        shelfHeight = std::max(shelfHeight, part.size.height());
    }
    return out;
}

} // namespace mc
