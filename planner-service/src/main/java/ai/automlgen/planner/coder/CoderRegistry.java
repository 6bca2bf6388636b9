package ai.automlgen.planner.coder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link Coder} bean, by the name runs select it with. */
@ApplicationScoped
public class CoderRegistry {
    private final Map<String, Coder> byName;

    public CoderRegistry(@Any Instance<Coder> coders) {
        this.byName = coders.stream().collect(Collectors.toMap(Coder::name, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two coders are named " + a.name());
        }, TreeMap::new));
    }

    public Optional<Coder> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
