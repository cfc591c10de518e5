#include "analysis.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace mc {

namespace {

/// The graph of model-manager.js: nodes are table names in definition order,
/// edges one per REFERENCES column in attribute order, self-edges dropped.
struct Graph
{
    QStringList names; ///< unique table names, first definition wins
    // Adjacency in compressed rows: the targets of node v, in edge order, are
    // targets[offsets[v]] .. targets[offsets[v + 1] - 1].
    QVector<int> offsets;
    QVector<int> targets;

    int size() const { return names.size(); }
    int degree(int v) const { return offsets[v + 1] - offsets[v]; }
    int target(int v, int k) const { return targets[offsets[v] + k]; }

    /// Builds the rows from (from, to) pairs listed in edge order.
    void setEdges(const QVector<QPair<int, int>> &edges)
    {
        const int n = names.size();
        offsets = QVector<int>(n + 1, 0);
        for (const auto &e : edges)
            ++offsets[e.first + 1];
        for (int v = 0; v < n; ++v)
            offsets[v + 1] += offsets[v];
        targets = QVector<int>(edges.size());
        QVector<int> fill(offsets.begin(), offsets.end() - 1);
        for (const auto &e : edges)
            targets[fill[e.first]++] = e.second;
    }
};

Graph buildGraph(const DerivedSchema &d, QVector<DependencyEdge> &edges, QVector<int> &nodeOf)
{
    // Nodes are table names; two models sharing a table name share a node. Names
    // are resolved to table indices by derive(), so no lookup by name is needed:
    // the first table of each name stands for the node.
    Graph g;
    const int n = d.tables.size();
    QVector<int> firstOfName(n);
    const bool unique = d.m_tableByName.size() == n;
    for (int t = 0; t < n; ++t)
        firstOfName[t] = unique ? t : d.tableIndexByName(d.tables[t].table);
    if (!unique) { // the hash holds the last table of a name: find the first
        QHash<QString, int> first;
        for (int t = n - 1; t >= 0; --t)
            first.insert(d.tables[t].table, t);
        for (int t = 0; t < n; ++t)
            firstOfName[t] = first.value(d.tables[t].table);
    }
    g.names.reserve(n);
    nodeOf.resize(n);
    QVector<int> nodeOfTable(n, -1), tableOfNode;
    tableOfNode.reserve(n);
    QVector<QPair<int, int>> pairs;
    pairs.reserve(2 * n);
    edges.reserve(2 * n);
    auto idOf = [&](int table) {
        const int first = firstOfName[table];
        if (nodeOfTable[first] >= 0)
            return nodeOfTable[first];
        const int id = g.names.size();
        nodeOfTable[first] = id;
        g.names << d.tables[first].table;
        tableOfNode.append(first);
        return id;
    };
    for (int t = 0; t < n; ++t) {
        const DerivedTable &table = d.tables[t];
        const int from = idOf(t);
        nodeOf[t] = from;
        for (const DerivedColumn &c : table.columns) {
            if (!c.hasReference || c.refTableIndex < 0 || c.refTable == table.table)
                continue;
            const int to = idOf(c.refTableIndex);
            pairs.append({from, to});
            edges.append(DependencyEdge{t, tableOfNode[to], c.column, c.associationIndex});
        }
    }
    g.setEdges(pairs);
    return g;
}

/// toposort-class 1.0.1: DFS post-order; the first node found on its own path
/// raises the error. Iterative so that long chains cannot overflow the stack.
void topoSort(const Graph &g, QStringList &order, QString &error)
{
    const int n = g.size();
    std::vector<char> visited(size_t(n), 0), onPath(size_t(n), 0);
    struct Frame
    {
        int node;
        int next;
    };
    std::vector<Frame> stack;
    order.reserve(n);
    for (int root = 0; root < n && error.isEmpty(); ++root) {
        if (visited[size_t(root)])
            continue;
        visited[size_t(root)] = 1;
        onPath[size_t(root)] = 1;
        stack.push_back({root, 0});
        while (!stack.empty() && error.isEmpty()) {
            Frame &f = stack.back();
            if (f.next < g.degree(f.node)) {
                const int dep = g.target(f.node, f.next++);
                if (onPath[size_t(dep)]) {
                    QStringList chain;
                    for (const Frame &p : stack)
                        chain << g.names[p.node];
                    error = QStringLiteral("Cyclic dependency found. %1 is dependent of itself.\n"
                                           "Dependency chain: %2 => %1")
                                .arg(g.names[dep], chain.join(QLatin1String(" -> ")));
                } else if (!visited[size_t(dep)]) {
                    visited[size_t(dep)] = 1;
                    onPath[size_t(dep)] = 1;
                    stack.push_back({dep, 0});
                }
            } else {
                order << g.names[f.node];
                onPath[size_t(f.node)] = 0;
                stack.pop_back();
            }
        }
    }
    if (!error.isEmpty())
        order.clear();
}

/// Tarjan's strongly connected components (iteratively); only those with more
/// than one node, ordered by their first node.
QVector<QVector<int>> components(const Graph &g)
{
    const size_t n = size_t(g.size());
    std::vector<int> index(n, -1), low(n, 0), stack;
    std::vector<char> onStack(n, 0);
    QVector<QVector<int>> out;
    int counter = 0;
    struct Frame
    {
        int node;
        int next;
    };
    std::vector<Frame> call;
    for (int root = 0; root < int(n); ++root) {
        if (index[size_t(root)] >= 0)
            continue;
        call.push_back({root, 0});
        index[size_t(root)] = low[size_t(root)] = counter++;
        stack.push_back(root);
        onStack[size_t(root)] = 1;
        while (!call.empty()) {
            Frame &f = call.back();
            if (f.next < g.degree(f.node)) {
                const int w = g.target(f.node, f.next++);
                if (index[size_t(w)] < 0) {
                    index[size_t(w)] = low[size_t(w)] = counter++;
                    stack.push_back(w);
                    onStack[size_t(w)] = 1;
                    call.push_back({w, 0});
                } else if (onStack[size_t(w)]) {
                    low[size_t(f.node)] = std::min(low[size_t(f.node)], index[size_t(w)]);
                }
                continue;
            }
            const int v = f.node;
            call.pop_back();
            if (!call.empty())
                low[size_t(call.back().node)] =
                    std::min(low[size_t(call.back().node)], low[size_t(v)]);
            if (low[size_t(v)] != index[size_t(v)])
                continue;
            if (stack.back() == v) { // a single node: no cycle (self-edges are dropped)
                stack.pop_back();
                onStack[size_t(v)] = 0;
                continue;
            }
            QVector<int> comp;
            int w;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[size_t(w)] = 0;
                comp.append(w);
            } while (w != v);
            std::sort(comp.begin(), comp.end());
            out.append(comp);
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
    }
    QVector<QPair<int, int>> pairs;
    for (const DependencyEdge &e : edges) {
        if (e.associationIndex == skipAssociation && skipAssociation >= 0)
            continue;
        const int a = nodeOf[e.from], b = e.to >= 0 ? nodeOf[e.to] : -1;
        if (local.contains(a) && local.contains(b))
            pairs.append({local[a], local[b]});
    }
    sub.setEdges(pairs);
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
