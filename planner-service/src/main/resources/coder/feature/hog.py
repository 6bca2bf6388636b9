def feature_hog(context, params):
    """Histograms of oriented gradients on a grey, resized image: edges and texture for classical models."""
    from skimage.feature import hog
    size = int(params.get("size", 32))
    images = load_row_images(context, size, grey=True)
    cell = max(4, size // 4)
    width = None
    rows = []
    for image in images:
        if image is None:
            rows.append(None)
            continue
        row = hog(image, orientations=9, pixels_per_cell=(cell, cell), cells_per_block=(2, 2), feature_vector=True)
        width = len(row)
        rows.append(row)
    if width is None:
        log("hog: no images match the ids; skipped")
        return None
    return np.array([r if r is not None else np.zeros(width) for r in rows])


FEATURE_BUILDERS["feature.hog"] = feature_hog
