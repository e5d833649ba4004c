package org.grassroots.k8s;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Rendered manifests parsed into fabric8's model (unknown kinds become GenericKubernetesResource). */
final class Manifests {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Manifests() {
	}

	static List<HasMetadata> parse(String yaml) {
		List<HasMetadata> result = new ArrayList<>();
		for (String document : yaml.split("(?m)^---\\s*$")) {
			if (document.isBlank()) {
				continue;
			}
			Object parsed = SERIALIZATION.unmarshal(document);
			add(parsed, result);
		}
		return result;
	}

	private static void add(Object parsed, List<HasMetadata> result) {
		if (parsed instanceof KubernetesList list) {
			list.getItems().forEach(item -> add(item, result));
		}
		else if (parsed instanceof List<?> list) {
			list.forEach(item -> add(item, result));
		}
		else if (parsed instanceof HasMetadata resource) {
			result.add(resource);
		}
		else if (parsed != null) {
			throw new IllegalArgumentException("not a Kubernetes object: " + parsed);
		}
	}

	static <T> T copy(T object) {
		return SERIALIZATION.clone(object);
	}
}
