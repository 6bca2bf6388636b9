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


def xyz_features(path):
    """Cell volume, element shares, and nearest-neighbour distances per element from an ASE-style .xyz file."""
    lattice, atoms = [], []
    with open(path) as handle:
        for line in handle:
            fields = line.split()
            if fields and fields[0] == "lattice_vector":
                lattice.append([float(v) for v in fields[1:4]])
            elif fields and fields[0] == "atom":
                atoms.append(([float(v) for v in fields[1:4]], fields[4]))
    features = {}
    if len(lattice) == 3:
        features["volume"] = abs(np.linalg.det(np.array(lattice)))
    if not atoms:
        return features
    positions = np.array([a[0] for a in atoms])
    elements = np.array([a[1] for a in atoms])
    distances = np.sqrt(((positions[:, None, :] - positions[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(distances, np.inf)
    nearest = distances.min(axis=1)
    features["atoms"] = len(atoms)
    if "volume" in features:
        features["density"] = len(atoms) / max(features["volume"], 1e-9)
    for element in np.unique(elements):
        mask = elements == element
        features[f"share_{element}"] = mask.mean()
        features[f"nn_mean_{element}"] = nearest[mask].mean()
        features[f"nn_min_{element}"] = nearest[mask].min()
        others = distances[mask][:, ~mask]
        if others.size:
            features[f"to_other_mean_{element}"] = np.sort(others, axis=1)[:, : min(4, others.shape[1])].mean()
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
