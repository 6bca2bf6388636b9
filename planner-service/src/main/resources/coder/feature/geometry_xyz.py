def geometry_files(context):
    """Per-row geometry files (<folder>/<id>/*.xyz), preferring the folder named after the row's split."""
    folders = [p for p in sorted(glob.glob(os.path.join(INPUT, "*"))) if os.path.isdir(p)
               and glob.glob(os.path.join(p, "*", "*.xyz"))]
    paths = []
    for part, count in context.parts:
        own = ("train", "valid") if part == "valid" else (part,)  # valid rows were split off the train rows
        preferred = sorted(folders, key=lambda p: not os.path.basename(p).startswith(own))
        for row_id in context.ids[part]:
            found = None
            for folder in preferred:
                candidates = glob.glob(os.path.join(folder, str(row_id), "*.xyz"))
                if candidates:
                    found = candidates[0]
                    break
            paths.append(found)
    return paths


# every periodic image of the cell one lattice step away: an atom's neighbours across the cell's faces are there
IMAGE_SHIFTS = np.array([[i, j, k] for i in (-1, 0, 1) for j in (-1, 0, 1) for k in (-1, 0, 1)], dtype=float)
NEIGHBOURS = 24  # an atom's closest neighbours, from which every distance feature is taken


def xyz_features(path):
    """Cell volume, element shares, and per element: nearest-neighbour distances, coordination and the bond lengths to
    each element, from an ASE-style .xyz file. With three lattice vectors the crystal is periodic: neighbours are
    looked for in the 26 surrounding cells too, else an atom near a face would miss its bonds across it."""
    lattice, atoms = [], []
    with open(path) as handle:
        for line in handle:
            fields = line.split()
            if fields and fields[0] == "lattice_vector":
                lattice.append([float(v) for v in fields[1:4]])
            elif fields and fields[0] == "atom":
                atoms.append(([float(v) for v in fields[1:4]], fields[4]))
    features = {}
    if not atoms:
        return features
    positions = np.array([a[0] for a in atoms])
    elements = np.array([a[1] for a in atoms])
    features["atoms"] = len(atoms)
    if len(lattice) == 3:
        cell = np.array(lattice)
        features["volume"] = abs(np.linalg.det(cell))
        features["density"] = len(atoms) / max(features["volume"], 1e-9)
        neighbours = (positions[None, :, :] + (IMAGE_SHIFTS @ cell)[:, None, :]).reshape(-1, 3)
        neighbour_elements = np.tile(elements, len(IMAGE_SHIFTS))
    else:
        neighbours, neighbour_elements = positions, elements
    offsets = positions[:, None, :] - neighbours[None, :, :]
    distances = np.sqrt(np.einsum("ijk,ijk->ij", offsets, offsets))
    distances[distances < 1e-6] = np.inf  # an atom is not its own neighbour
    if distances.shape[1] < 2:  # a lone atom outside any lattice has no neighbour
        return features
    count = min(NEIGHBOURS, distances.shape[1] - 1)
    closest = np.argpartition(distances, count - 1, axis=1)[:, :count]
    near = np.take_along_axis(distances, closest, axis=1)
    near_elements = neighbour_elements[closest]
    nearest = near.min(axis=1)
    kinds = np.unique(elements)
    for element in kinds:
        mask = elements == element
        features[f"share_{element}"] = mask.mean()
        features[f"nn_mean_{element}"] = nearest[mask].mean()
        features[f"nn_min_{element}"] = nearest[mask].min()
        features[f"nn_max_{element}"] = nearest[mask].max()
        # neighbours within a quarter more than the nearest: the first shell, i.e. how many bonds an atom has
        features[f"coordination_{element}"] = (near[mask] < 1.25 * nearest[mask][:, None]).sum(axis=1).mean()
        for other in kinds:
            to_other = np.sort(np.where(near_elements[mask] == other, near[mask], np.inf), axis=1)[:, :4]
            found = np.isfinite(to_other)
            if found[:, 0].any():
                features[f"bond_{element}_{other}"] = to_other[found[:, 0], 0].mean()
                features[f"bond4_{element}_{other}"] = to_other[found].mean()
    return features


def feature_geometry_xyz(context, params):
    paths = geometry_files(context)
    found = sum(p is not None for p in paths)
    if not found:
        log("geometry_xyz: no per-row .xyz files found; skipped")
        return None
    log(f"geometry_xyz: {found}/{len(paths)} rows have a geometry file")
    rows = [xyz_features(p) if p else {} for p in paths]
    return pd.DataFrame(rows).fillna(-1).values.astype(float)


FEATURE_BUILDERS["feature.geometry_xyz"] = feature_geometry_xyz
