#include "analysis.h"

#include <QHash>

#include <algorithm>

namespace mc {

namespace {

/// The graph of model-manager.js: nodes are table names in definition order,
/// edges one per REFERENCES column in attribute order, self-edges dropped.
struct Graph
{
    QStringList names;              ///< unique table names, first definition wins
    QVector<QVector<int>> adjacent; ///< per node, targets in edge order
};

Graph buildGraph(const DerivedSchema &d, QVector<DependencyEdge> &edges, QVector<int> &nodeOf)
{
    Graph g;
    QHash<QString, int> ids;
    ids.reserve(d.tables.size() + 1);
    g.names.reserve(d.tables.size());
    g.adjacent.reserve(d.tables.size());
    nodeOf.resize(d.tables.size());
    QVector<int> tableOfNode;
    tableOfNode.reserve(d.tables.size());
    auto idOf = [&](const QString &name) {
        const auto it = ids.constFind(name);
        if (it != ids.constEnd())
            return *it;
        const int id = g.names.size();
        ids.insert(name, id);
        g.names << name;
        g.adjacent.append(QVector<int>());
        tableOfNode.append(-1);
        return id;
    };
    for (int t = 0; t < d.tables.size(); ++t) {
        const DerivedTable &table = d.tables[t];
        const int from = idOf(table.table);
        nodeOf[t] = from;
        if (tableOfNode[from] < 0)
            tableOfNode[from] = t;
        for (const DerivedColumn &c : table.columns) {
            if (!c.hasReference || c.refTable == table.table)
                continue;
            const int to = idOf(c.refTable);
            g.adjacent[from].append(to);
            edges.append(DependencyEdge{t, to, c.column, c.associationIndex}); // `to` fixed below
        }
    }
    for (DependencyEdge &e : edges)
        e.to = tableOfNode[e.to]; // node -> its first table (-1: no such table)
    return g;
}

/// toposort-class 1.0.1: DFS post-order; the first node found on its own path
/// raises the error. Iterative so that long chains cannot overflow the stack.
void topoSort(const Graph &g, QStringList &order, QString &error)
{
    const int n = g.names.size();
    QVector<char> visited(n, 0), onPath(n, 0);
    struct Frame
    {
        int node;
        int next;
    };
    QVector<Frame> stack;
    for (int root = 0; root < n && error.isEmpty(); ++root) {
        if (visited[root])
            continue;
        visited[root] = 1;
        onPath[root] = 1;
        stack.append({root, 0});
        while (!stack.isEmpty() && error.isEmpty()) {
            Frame &f = stack.last();
            if (f.next < g.adjacent[f.node].size()) {
                const int dep = g.adjacent[f.node][f.next++];
                if (onPath[dep]) {
                    QStringList chain;
                    for (const Frame &p : stack)
                        chain << g.names[p.node];
                    error = QStringLiteral("Cyclic dependency found. %1 is dependent of itself.\n"
                                           "Dependency chain: %2 => %1")
                                .arg(g.names[dep], chain.join(QLatin1String(" -> ")));
                } else if (!visited[dep]) {
                    visited[dep] = 1;
                    onPath[dep] = 1;
                    stack.append({dep, 0});
                }
            } else {
                order << g.names[f.node];
                onPath[f.node] = 0;
                stack.removeLast();
            }
        }
    }
    if (!error.isEmpty())
        order.clear();
}

/// Tarjan's strongly connected components, iteratively.
QVector<QVector<int>> components(const Graph &g)
{
    const int n = g.names.size();
    QVector<int> index(n, -1), low(n, 0), stack;
    QVector<char> onStack(n, 0);
    QVector<QVector<int>> out;
    int counter = 0;
    struct Frame
    {
        int node;
        int next;
    };
    QVector<Frame> call;
    for (int root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        call.append({root, 0});
        index[root] = low[root] = counter++;
        stack.append(root);
        onStack[root] = 1;
        while (!call.isEmpty()) {
            Frame &f = call.last();
            const QVector<int> &adj = g.adjacent[f.node];
            if (f.next < adj.size()) {
                const int w = adj[f.next++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack.append(w);
                    onStack[w] = 1;
                    call.append({w, 0});
                } else if (onStack[w]) {
                    low[f.node] = std::min(low[f.node], index[w]);
                }
                continue;
            }
            const int v = f.node;
            call.removeLast();
            if (!call.isEmpty())
                low[call.last().node] = std::min(low[call.last().node], low[v]);
            if (low[v] != index[v])
                continue;
            QVector<int> comp;
            int w;
            do {
                w = stack.takeLast();
                onStack[w] = 0;
                comp.append(w);
            } while (w != v);
            if (comp.size() > 1) {
                std::sort(comp.begin(), comp.end());
                out.append(comp);
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const QVector<int> &a, const QVector<int> &b) { return a.first() < b.first(); });
    return out;
}

/// Whether the sub-graph of `nodes` without the edges of `skipAssociation` has a cycle.
bool stillCyclic(const QVector<int> &nodes, const QVector<DependencyEdge> &edges,
                 const QVector<int> &nodeOf, int skipAssociation)
{
    Graph sub;
    QHash<int, int> local;
    for (int v : nodes) {
        local.insert(v, sub.names.size());
        sub.names << QString::number(v);
        sub.adjacent.append(QVector<int>());
    }
    for (const DependencyEdge &e : edges) {
        if (e.associationIndex == skipAssociation && skipAssociation >= 0)
            continue;
        const int a = nodeOf[e.from], b = e.to >= 0 ? nodeOf[e.to] : -1;
        if (local.contains(a) && local.contains(b))
            sub.adjacent[local[a]].append(local[b]);
    }
    return !components(sub).isEmpty();
}

} // namespace

Analysis analyse(const DerivedSchema &d)
{
    Analysis a;
    QVector<int> nodeOf;
    const Graph g = buildGraph(d, a.edges, nodeOf);
    topoSort(g, a.toposortOrder, a.toposortError);
    if (a.toposortError.isEmpty()) {
        a.order = a.toposortOrder;
    } else {
        // Sequelize >= 6.20: every model in definition order.
        for (const DerivedTable &t : d.tables)
            a.order << t.table;
    }
    if (a.toposortError.isEmpty())
        return a;
    // Group tables and edges by component in one pass each (a schema may hold
    // thousands of tables and dozens of cycles).
    const QVector<QVector<int>> comps = components(g);
    QVector<int> compOfNode(g.names.size(), -1);
    for (int k = 0; k < comps.size(); ++k) {
        for (int v : comps[k])
            compOfNode[v] = k;
    }
    QVector<Cycle> cycles(comps.size());
    for (int t = 0; t < d.tables.size(); ++t) {
        const int k = compOfNode[nodeOf[t]];
        if (k >= 0 && !cycles[k].tables.contains(d.tables[t].table))
            cycles[k].tables << d.tables[t].table;
    }
    for (const DependencyEdge &e : a.edges) {
        if (e.to < 0)
            continue;
        const int k = compOfNode[nodeOf[e.from]];
        if (k < 0 || compOfNode[nodeOf[e.to]] != k)
            continue;
        cycles[k].edges << e;
        if (e.associationIndex >= 0 && !cycles[k].associations.contains(e.associationIndex))
            cycles[k].associations << e.associationIndex;
    }
    for (int k = 0; k < comps.size(); ++k) {
        const QVector<int> &comp = comps[k];
        Cycle &c = cycles[k];
        std::sort(c.associations.begin(), c.associations.end());
        // Prefer a belongsTo, then the association declared last (the one that closed
        // the loop), whose removal alone makes the component acyclic.
        QVector<int> candidates = c.associations;
        std::stable_sort(candidates.begin(), candidates.end(), [&](int x, int y) {
            const bool bx = d.associations[x].type == AssociationType::BelongsTo;
            const bool by = d.associations[y].type == AssociationType::BelongsTo;
            if (bx != by)
                return bx;
            return x > y;
        });
        for (int cand : candidates) {
            if (!stillCyclic(comp, c.edges, nodeOf, cand)) {
                c.suggestedFix = cand;
                break;
            }
        }
    }
    a.cycles = cycles;
    return a;
}

} // namespace mc
