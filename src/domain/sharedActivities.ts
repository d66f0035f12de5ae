import type { Activity, Unit } from '../model.js';

/** For two parties, how many activities each unit of one shares with each unit of the other. */
export interface SharedActivities {
  rows: Unit[];
  columns: Unit[];
  /** cells[row][column]: activities both units take part in. */
  cells: number[][];
}

// Enough rounds for the orders of small matrices to settle; each round is one pass over the cells.
const ROUNDS = 6;

/**
 * Who works with whom: the units of `rowParty` and of `columnParty` that take part in the
 * activities, and for each pair the number of activities they share. Rows and columns are ordered
 * so that units working together sit together, which draws clusters as blocks along the diagonal:
 * the groups of units linked by shared work come one after another (the busiest first), and inside
 * a group each unit sits at the mean position of its partners (barycentric ordering, alternately
 * for columns and rows). Units that share nothing go last, in the order the units are listed.
 */
export function sharedActivities(
  activities: readonly Activity[],
  rowParty: { id: string; units: readonly Unit[] },
  columnParty: { id: string; units: readonly Unit[] },
): SharedActivities {
  const taking = (party: { id: string; units: readonly Unit[] }) => party.units.filter((unit) => activities.some((activity) => activity.units[party.id]?.includes(unit.code)));
  const rowUnits = taking(rowParty);
  const columnUnits = taking(columnParty);
  const counts = rowUnits.map(() => columnUnits.map(() => 0));
  const rowIndex = new Map(rowUnits.map((unit, index) => [unit.code, index]));
  const columnIndex = new Map(columnUnits.map((unit, index) => [unit.code, index]));
  for (const activity of activities) {
    for (const row of activity.units[rowParty.id] ?? []) {
      for (const column of activity.units[columnParty.id] ?? []) {
        const r = rowIndex.get(row);
        const c = columnIndex.get(column);
        if (r !== undefined && c !== undefined) counts[r]![c]! += 1;
      }
    }
  }
  const rows: number[] = [];
  const columns: number[] = [];
  for (const cluster of clusters(counts, columnUnits.length)) {
    let clusterRows = cluster.rows;
    let clusterColumns = cluster.columns;
    for (let round = 0; round < ROUNDS; round++) {
      clusterColumns = byBarycentre(clusterColumns, clusterRows, (column, row) => counts[row]![column]!);
      clusterRows = byBarycentre(clusterRows, clusterColumns, (row, column) => counts[row]![column]!);
    }
    rows.push(...clusterRows);
    columns.push(...clusterColumns);
  }
  return {
    rows: rows.map((index) => rowUnits[index]!),
    columns: columns.map((index) => columnUnits[index]!),
    cells: rows.map((row) => columns.map((column) => counts[row]![column]!)),
  };
}

// `items` sorted by the weighted mean position of their partners in `partners`; ties and units
// without partners keep their current order (those last), so the result is deterministic.
function byBarycentre(items: number[], partners: number[], weight: (item: number, partner: number) => number): number[] {
  const keyed = items.map((item, position) => {
    let sum = 0;
    let total = 0;
    partners.forEach((partner, place) => {
      const w = weight(item, partner);
      sum += w * place;
      total += w;
    });
    return { item, position, key: total === 0 ? Infinity : sum / total };
  });
  keyed.sort((a, b) => (a.key === b.key ? 0 : a.key - b.key) || a.position - b.position);
  return keyed.map(({ item }) => item);
}

// The groups of rows and columns linked through non-zero cells (the connected parts of the
// bipartite graph), the one with most shared activities first; rows and columns without any
// shared activity close the list as one last group. Each group keeps the listed order inside.
function clusters(counts: number[][], columnCount: number): { rows: number[]; columns: number[] }[] {
  const parent = [...Array(counts.length + columnCount).keys()];
  const find = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]!]!;
    return node;
  };
  counts.forEach((cells, row) =>
    cells.forEach((count, column) => {
      if (count > 0) parent[find(counts.length + column)] = find(row);
    }),
  );
  const groups = new Map<number, { rows: number[]; columns: number[]; weight: number; first: number }>();
  const lonely = { rows: [] as number[], columns: [] as number[] };
  const group = (node: number) => {
    const key = find(node);
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { rows: [], columns: [], weight: 0, first: node }));
    return found;
  };
  counts.forEach((cells, row) => {
    const weight = cells.reduce((sum, count) => sum + count, 0);
    if (weight === 0) lonely.rows.push(row);
    else {
      const found = group(row);
      found.rows.push(row);
      found.weight += weight;
    }
  });
  for (let column = 0; column < columnCount; column++) {
    if (counts.every((cells) => cells[column] === 0)) lonely.columns.push(column);
    else group(counts.length + column).columns.push(column);
  }
  const ordered = [...groups.values()].sort((a, b) => b.weight - a.weight || a.first - b.first);
  return [...ordered, lonely];
}
