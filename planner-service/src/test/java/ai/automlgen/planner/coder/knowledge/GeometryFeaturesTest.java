package ai.automlgen.planner.coder.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The per-row crystal geometry block (coder/feature/geometry_xyz.py), run in the pipelines' own Python on structures
 * whose distances are known by construction. A crystal is periodic: an atom on a face of its cell is bonded to atoms
 * of the next cell, so distances taken inside one cell only (as this block did before) make the corner atoms of a
 * rock-salt cell look three-fold coordinated and a one-atom cell look neighbourless.
 */
class GeometryFeaturesTest {

    private static final String CHECKS = """
            def write(name, lattice, atoms):
                path = os.path.join(OUTPUT, name + ".xyz")
                with open(path, "w") as handle:
                    handle.write("#====\\n#Created using the Atomic Simulation Environment (ASE)\\n")
                    for vector in lattice:
                        handle.write("lattice_vector %f %f %f \\n" % tuple(vector))
                    for position, element in atoms:
                        handle.write("atom %f %f %f %s\\n" % (*position, element))
                return path

            def close(value, expected):
                return value is not None and abs(value - expected) < 1e-6

            # simple cubic, one atom: six neighbours at the lattice constant, all in the neighbouring cells
            cubic = xyz_features(write("cubic", 3.0 * np.eye(3), [((0, 0, 0), "X")]))
            print("one-atom cell", close(cubic.get("nn_mean_X"), 3.0) and close(cubic.get("coordination_X"), 6.0))

            # rock salt (conventional cell, a = 5): every Na has six Cl at 2.5 and its nearest Na at 5/sqrt(2)
            sodium = [(0, 0, 0), (0, 2.5, 2.5), (2.5, 0, 2.5), (2.5, 2.5, 0)]
            chlorine = [(2.5, 0, 0), (0, 2.5, 0), (0, 0, 2.5), (2.5, 2.5, 2.5)]
            salt = xyz_features(write("salt", 5.0 * np.eye(3), [(p, "Na") for p in sodium] + [(p, "Cl") for p in chlorine]))
            print("rock-salt bonds", close(salt.get("bond_Na_Cl"), 2.5) and close(salt.get("bond4_Na_Cl"), 2.5)
                  and close(salt.get("bond_Na_Na"), 5.0 / np.sqrt(2)) and close(salt.get("coordination_Na"), 6.0)
                  and close(salt.get("coordination_Cl"), 6.0) and close(salt.get("share_Na"), 0.5))
            print("rock-salt cell", close(salt.get("volume"), 125.0) and close(salt.get("density"), 8 / 125.0))

            # a skewed cell: the same one-atom lattice described by a sheared basis has the same neighbours
            sheared = xyz_features(write("sheared", np.array([[3.0, 0, 0], [3.0, 3.0, 0], [0, 0, 3.0]]), [((0, 0, 0), "X")]))
            print("sheared basis", close(sheared.get("nn_mean_X"), 3.0) and close(sheared.get("coordination_X"), 6.0))

            # a molecule without lattice vectors: distances inside it only, and no cell volume
            water = xyz_features(write("water", [], [((0, 0, 0), "O"), ((0.96, 0, 0), "H"), ((-0.24, 0.93, 0), "H")]))
            print("molecule", close(water.get("bond_O_H"), 0.96) and "volume" not in water)
            print("lone atom", xyz_features(write("lone", [], [((0, 0, 0), "X")])) == {"atoms": 1})
            """;

    @Test
    void distancesFollowThePeriodicLattice(@TempDir Path work) throws Exception {
        ScriptRun.assertChecksPass(work, List.of("ROLES = {}", Template.load("common.py"), Template.load("feature/geometry_xyz.py"), CHECKS),
                List.of("one-atom cell", "rock-salt bonds", "rock-salt cell", "sheared basis", "molecule", "lone atom"), 120);
    }
}
