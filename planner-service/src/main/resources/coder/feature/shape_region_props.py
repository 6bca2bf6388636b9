def feature_shape_region_props(context, params):
    """Shape descriptors of the main object in each row's image, at its own aspect ratio: original size,
    aspect, area, compactness, solidity, eccentricity, extent, axis ratio, holes and Hu moments.
    Standardised on the train rows, so linear models can use them as they are."""
    from PIL import Image
    from skimage.measure import label, regionprops
    index = image_index()
    longest = int(params.get("max_side", 256))  # silhouettes keep their shape at this size; full-size images are slow
    threshold = float(params.get("threshold", 0.5))
    rows = []
    for part, count in context.parts:
        for row_id in context.ids[part]:
            path = index.get(str(row_id))
            if path is None:
                rows.append(np.full(18, np.nan))
                continue
            with Image.open(path) as image:
                width, height = image.size
                grey = image.convert("L")
                scale = min(1.0, longest / max(width, height))
                grey = grey.resize((max(1, round(width * scale)), max(1, round(height * scale))), Image.BILINEAR)
                pixels = np.asarray(grey, dtype=np.float32) / 255.0
            mask = pixels > threshold
            if mask.mean() > 0.5:  # a dark object on a light background: the object is what is dark
                mask = ~mask
            regions = regionprops(label(mask))
            if not regions:
                rows.append(np.concatenate([[np.log(height), np.log(width), np.log(width / height)], np.full(15, np.nan)]))
                continue
            main = max(regions, key=lambda r: r.area)
            area = max(main.area, 1.0)
            hu = main.moments_hu
            hu = -np.sign(hu) * np.log10(np.abs(hu) + 1e-30)
            rows.append(np.concatenate([[np.log(height), np.log(width), np.log(width / height), np.log(area / scale ** 2),
                                         main.perimeter ** 2 / (4 * np.pi * area), main.solidity, main.eccentricity, main.extent,
                                         np.log((main.major_axis_length + 1) / (main.minor_axis_length + 1)), np.log(len(regions)),
                                         main.euler_number], hu]))
    matrix = np.array(rows)
    if np.isnan(matrix).all():
        log("shape_region_props: no images match the ids; skipped")
        return None
    matrix = standardised(matrix, context.n_train)
    return np.where(np.isnan(matrix), 0.0, matrix)


FEATURE_BUILDERS["feature.shape_region_props"] = feature_shape_region_props
