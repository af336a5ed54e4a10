import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The benchmark's reference case (issue 9): the bare read of a manifest tree that any tool must
 * at least do, single-threaded: each file parsed into Jackson YAML trees, each document validated
 * with networknt against the schema of its kind, as tenantctl's SchemaValidator configures them.
 * bench/run.sh compiles it against the jar and runs it with the launcher's JVM options, so that
 * tenantctl's figures can be given as ratios to it, measured in the same run on the same machine.
 *
 *   java -cp target/tenantctl.jar:CLASSES BareRead DIR
 *
 * Prints the number of files, documents and schema errors (0 for a generated tree); exits 1 when
 * any document failed its schema, so that a benchmark never times a broken read.
 */
public final class BareRead {

    private static final String ID_PREFIX = "https://tenantctl.io/schemas/v1/";

    public static void main(String[] args) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .pathType(PathType.JSON_POINTER)
                                .build())
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)
                                .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/"))));
        Map<String, Schema> schemas = new HashMap<>();
        YAMLMapper mapper = new YAMLMapper();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        long documents = 0;
        long errors = 0;
        for (Path file : files) {
            try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (it.hasNext()) {
                    JsonNode document = it.next();
                    String kind = document.path("kind").asString().toLowerCase(Locale.ROOT);
                    Schema schema = schemas.computeIfAbsent(kind, k -> {
                        Schema s = registry.getSchema(SchemaLocation.of(ID_PREFIX + k + ".schema.json"));
                        s.initializeValidators();
                        return s;
                    });
                    List<Error> found = schema.validate(document);
                    errors += found.size();
                    documents++;
                }
            }
        }
        System.out.printf("%d files, %d documents, %d schema errors%n", files.size(), documents, errors);
        System.exit(errors == 0 ? 0 : 1);
    }
}
