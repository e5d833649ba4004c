package org.grassroots.center.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

import org.grassroots.center.support.Geo;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable in-memory index of points (JTS STRtree, packed once) answering "the k nearest that pass a filter"
 * by best-first search: nodes and points are visited in order of their great-circle distance from the query
 * point (a node's distance is that of the nearest point of its bounding box), so filtered queries stay exact
 * without scanning. Thread-safe after construction.
 *
 * @param <T> the indexed items
 */
public final class SpatialIndex<T extends SpatialIndex.Located> {

	/** Something with a WGS84 position. */
	public interface Located {

		double lat();

		double lng();
	}

	/** An item and its straight-line distance from the query point. */
	public record Neighbor<T>(T item, double distanceMeters) {
	}

	private final AbstractNode root;

	private final List<T> items;

	public SpatialIndex(Collection<? extends T> points) {
		STRtree tree = new STRtree();
		for (T point : points) {
			tree.insert(new Envelope(point.lng(), point.lng(), point.lat(), point.lat()), point);
		}
		tree.build();
		this.root = tree.getRoot();
		this.items = List.copyOf(points);
	}

	public int size() {
		return items.size();
	}

	public List<T> items() {
		return items;
	}

	/**
	 * The {@code k} nearest items within {@code maxMeters} that pass {@code filter}, nearest first.
	 */
	public List<Neighbor<T>> nearest(double lat, double lng, int k, double maxMeters, Predicate<? super T> filter) {
		List<Neighbor<T>> found = new ArrayList<>(k);
		if (k <= 0 || items.isEmpty()) {
			return found;
		}
		PriorityQueue<Entry> queue = new PriorityQueue<>();
		queue.add(new Entry(0, root));
		while (!queue.isEmpty()) {
			Entry next = queue.poll();
			if (next.distance > maxMeters) {
				break;
			}
			if (next.boundable instanceof ItemBoundable itemBoundable) {
				@SuppressWarnings("unchecked")
				T item = (T) itemBoundable.getItem();
				if (filter.test(item)) {
					found.add(new Neighbor<>(item, next.distance));
					if (found.size() == k) {
						break;
					}
				}
				continue;
			}
			for (Object child : ((AbstractNode) next.boundable).getChildBoundables()) {
				double distance;
				if (child instanceof ItemBoundable itemBoundable) {
					@SuppressWarnings("unchecked")
					T item = (T) itemBoundable.getItem();
					distance = Geo.distanceMeters(lat, lng, item.lat(), item.lng());
				}
				else {
					distance = boxDistance(lat, lng, (Envelope) ((Boundable) child).getBounds());
				}
				if (distance <= maxMeters) {
					queue.add(new Entry(distance, (Boundable) child));
				}
			}
		}
		return found;
	}

	/** Whether any item passing {@code filter} lies within {@code meters}. */
	public boolean anyWithin(double lat, double lng, double meters, Predicate<? super T> filter) {
		return !nearest(lat, lng, 1, meters, filter).isEmpty();
	}

	/** Every item within {@code meters} (unordered). */
	public List<T> within(double lat, double lng, double meters) {
		double dLat = Geo.latDegrees(meters);
		double dLng = Geo.lngDegrees(meters, lat, dLat);
		List<T> out = new ArrayList<>();
		collect(root, new Envelope(lng - dLng, lng + dLng, lat - dLat, lat + dLat), item -> {
			if (Geo.distanceMeters(lat, lng, item.lat(), item.lng()) <= meters) {
				out.add(item);
			}
		});
		return out;
	}

	/** Every item inside a longitude/latitude box. */
	public List<T> inBox(double minLng, double minLat, double maxLng, double maxLat) {
		List<T> out = new ArrayList<>();
		collect(root, new Envelope(minLng, maxLng, minLat, maxLat), out::add);
		return out;
	}

	@SuppressWarnings("unchecked")
	private void collect(AbstractNode node, Envelope box, java.util.function.Consumer<T> sink) {
		if (node.isEmpty() || !box.intersects((Envelope) node.getBounds())) {
			return;
		}
		for (Object child : node.getChildBoundables()) {
			if (child instanceof ItemBoundable itemBoundable) {
				if (box.intersects((Envelope) itemBoundable.getBounds())) {
					sink.accept((T) itemBoundable.getItem());
				}
			}
			else {
				collect((AbstractNode) child, box, sink);
			}
		}
	}

	/** Great-circle distance from a point to the nearest point of a lng/lat box (exact to centimetres at city scale). */
	static double boxDistance(double lat, double lng, Envelope box) {
		if (box == null || box.isNull()) {
			return Double.POSITIVE_INFINITY;
		}
		double clampedLat = Math.max(box.getMinY(), Math.min(box.getMaxY(), lat));
		double clampedLng = Math.max(box.getMinX(), Math.min(box.getMaxX(), lng));
		if (clampedLat == lat && clampedLng == lng) {
			return 0;
		}
		return Geo.distanceMeters(lat, lng, clampedLat, clampedLng);
	}

	private record Entry(double distance, Boundable boundable) implements Comparable<Entry> {

		@Override
		public int compareTo(Entry other) {
			return Double.compare(distance, other.distance);
		}
	}
}
